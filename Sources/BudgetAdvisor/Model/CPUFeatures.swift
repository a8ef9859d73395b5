import Foundation

/// What the processor can run, for picking a build of the objective's chunk kernel at run time.
enum CPUFeatures {
    /// The /proc/cpuinfo flags of everything code built with `-target-cpu haswell` may use: AVX, AVX2, FMA, BMI1,
    /// BMI2, F16C, MOVBE, LZCNT (`abm`), POPCNT, SSE3 (`pni`) to SSE4.2, CMPXCHG16B and XSAVE. (Linux drops the
    /// AVX flags when the kernel does not save the AVX registers, so their presence also means the OS supports them.)
    static let haswellFlags: Set<String> = [
        "avx", "avx2", "fma", "bmi1", "bmi2", "f16c", "movbe", "abm", "popcnt",
        "pni", "ssse3", "sse4_1", "sse4_2", "cx16", "xsave",
    ]

    /// Whether the `-target-cpu haswell` build (`ObjectiveKernelAVX2`) can run here, decided once: on x86-64 Linux,
    /// when every processor's `flags` line in /proc/cpuinfo has all of `haswellFlags`; false elsewhere and
    /// whenever the file cannot be read or has no `flags` line.
    static let supportsHaswell: Bool = {
        #if os(Linux) && arch(x86_64)
        guard let text = readWholeFile("/proc/cpuinfo") else { return false }
        return hasAll(haswellFlags, inCPUInfo: text)
        #else
        return false
        #endif
    }()

    /// Whether every `flags` line of the /proc/cpuinfo text `text` (one per processor) names all of `flags`;
    /// false if there is no `flags` line.
    static func hasAll(_ flags: Set<String>, inCPUInfo text: String) -> Bool {
        var sawFlags = false
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: ":", maxSplits: 1)
            guard parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces) == "flags" else { continue }
            sawFlags = true
            let present = Set(parts[1].split(separator: " ").map(String.init))
            guard flags.isSubset(of: present) else { return false }
        }
        return sawFlags
    }

    /// The bytes of a file whose size is not known in advance (files under /proc report 0), as UTF-8 text; nil
    /// if it cannot be opened or read.
    private static func readWholeFile(_ path: String) -> String? {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 { return nil }
            if count == 0 { break }
            bytes.append(contentsOf: buffer[0..<count])
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
