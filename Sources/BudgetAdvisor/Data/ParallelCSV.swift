import Dispatch
import Foundation

/// The CSV body (everything after the header) parsed on all cores, for the common case: no quotes and no
/// carriage returns anywhere, every line a record of exactly the header's field count, plain decimals
/// (`DecimalParser.parsePlain`'s rules and results) in the feature columns and a `0`/`1` label.
///
/// The body is cut at line ends into parts; each part counts its lines (one vectorized byte count), the counts
/// give every part its first row, and the parts then parse straight into the final columns. Anything outside
/// the common case (a blank line, a long or malformed number, a wrong field count, ...) makes `parse` return nil
/// and the caller reads the file again with the sequential scanner, which gives the exact error message and line.
enum ParallelCSV {
    /// Parts per core, so a core slowed by other work does not hold up the rest.
    static let partsPerCore = 4
    /// Bodies smaller than this are parsed in one part.
    static let minimumPartBytes = 1 << 18

    /// Field targets: a feature index (>= 0), `ignored` or `label`.
    static let ignored = -1, label = -2

    /// The feature columns and labels of the body starting at `start`, or nil when it needs the sequential path.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, delimiter: UInt8, targets: [Int],
                      features: Int) -> (columns: [[Double]], labels: [Double], positives: Int)? {
        guard let baseAddress = bytes.baseAddress, start < bytes.count, !targets.isEmpty,
              delimiter != UInt8(ascii: "\""), delimiter != UInt8(ascii: "\r"), delimiter != UInt8(ascii: "\n"),
              delimiter & 0x80 == 0, !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(delimiter),
              delimiter != UInt8(ascii: "."), delimiter != UInt8(ascii: "-"), delimiter != UInt8(ascii: "+")
        else { return nil }
        let end = bytes.count
        let length = end - start
        nonisolated(unsafe) let base = baseAddress
        // Part boundaries: just after a line end (or the end of the data).
        let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let partCount = max(1, min(cores * partsPerCore, length / minimumPartBytes))
        var cuts = [start]
        for part in 1..<max(partCount, 1) {
            let guess = max(start + part * (length / partCount), cuts.last!)
            guard guess < end else { break }
            if let newline = memchr(base + guess, Int32(UInt8(ascii: "\n")), end - guess) {
                let next = base.distance(to: newline.assumingMemoryBound(to: UInt8.self)) + 1
                if next > cuts.last!, next < end { cuts.append(next) }
            } else {
                break
            }
        }
        cuts.append(end)
        let bounds = cuts
        let parts = bounds.count - 1
        // Rows per part (its line ends, plus a last line without one), and whether it holds a quote or a
        // carriage return (then the whole body goes the sequential way): one pass over the bytes, on all cores.
        var rowCounts = [Int](repeating: 0, count: parts)
        var plain = [Bool](repeating: false, count: parts)
        rowCounts.withUnsafeMutableBufferPointer { counts in
            plain.withUnsafeMutableBufferPointer { plainParts in
                nonisolated(unsafe) let counts = counts, plainParts = plainParts
                DispatchQueue.concurrentPerform(iterations: parts) { part in
                    let from = bounds[part], to = bounds[part + 1]
                    let (lines, special) = countLines(base, from: from, to: to)
                    counts[part] = lines + (to == end && to > from && base[to - 1] != UInt8(ascii: "\n") ? 1 : 0)
                    plainParts[part] = !special
                }
            }
        }
        guard !plain.contains(false) else { return nil }
        var rowStarts = [0]
        for count in rowCounts { rowStarts.append(rowStarts.last! + count) }
        let firstRows = rowStarts, partRows = rowCounts
        let rows = firstRows.last!
        guard rows > 0 else { return nil }
        let fieldTargets = targets
        var positives: Int?
        let arrays = withUninitializedColumns(count: features + 1, rows: rows) { outputs in
            var partPositives = [Int?](repeating: nil, count: parts)
            partPositives.withUnsafeMutableBufferPointer { positivesBuffer in
                nonisolated(unsafe) let positivesBuffer = positivesBuffer
                nonisolated(unsafe) let outputs = outputs
                DispatchQueue.concurrentPerform(iterations: parts) { part in
                    fieldTargets.withUnsafeBufferPointer { targets in
                        positivesBuffer[part] = powersOfTen.withUnsafeBufferPointer { powers in parseRange(base, from: bounds[part], to: bounds[part + 1], delimiter: delimiter,
                                                    targets: targets, outputs: outputs, firstRow: firstRows[part],
                                                    rows: partRows[part], powers: powers.baseAddress!) }
                    }
                }
            }
            positives = partPositives.contains(nil) ? nil : partPositives.reduce(0) { $0 + $1! }
        }
        guard let positives else { return nil }
        return (Array(arrays.dropLast()), arrays.last!, positives)
    }

    /// The line ends in [from, to), and whether a quote or a carriage return occurs there. Sixteen bytes per step:
    /// each lane's byte counter goes up by one per newline (a lane-wise compare gives -1 per match), and is
    /// widened and summed every 255 steps, before a lane can overflow.
    static func countLines(_ base: UnsafePointer<UInt8>, from: Int, to: Int) -> (lines: Int, special: Bool) {
        typealias Bytes = SIMD16<UInt8>
        let width = Bytes.scalarCount
        let newline = Bytes(repeating: UInt8(ascii: "\n")), quote = Bytes(repeating: UInt8(ascii: "\"")),
            carriageReturn = Bytes(repeating: UInt8(ascii: "\r"))
        var lines = 0
        var special = Bytes()
        var position = from
        let vectorEnd = to - (to - from) % width
        while position < vectorEnd {
            let stepsEnd = min(vectorEnd, position + 255 * width)
            var counters = Bytes()
            while position < stepsEnd {
                let bytes = UnsafeRawPointer(base + position).loadUnaligned(as: Bytes.self)
                counters &-= unsafeBitCast(bytes .== newline, to: Bytes.self)
                special |= unsafeBitCast((bytes .== quote) .| (bytes .== carriageReturn), to: Bytes.self)
                position += width
            }
            lines += Int(SIMD16<UInt16>(truncatingIfNeeded: counters).wrappedSum())
        }
        var tailSpecial = false
        while position < to {
            let byte = base[position]
            lines += byte == UInt8(ascii: "\n") ? 1 : 0
            tailSpecial = tailSpecial || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\r")
            position += 1
        }
        return (lines, tailSpecial || special != Bytes())
    }

    /// `count` arrays of `rows` doubles, filled by `body` through their base addresses (features, then labels).
    /// When `body` reports failure through the caller, the arrays are discarded (doubles need no deinitialization).
    private static func withUninitializedColumns(count: Int, rows: Int,
                                                 _ body: ([UnsafeMutablePointer<Double>]) -> Void) -> [[Double]] {
        func build(_ remaining: Int, _ bases: [UnsafeMutablePointer<Double>]) -> [[Double]] {
            if remaining == 0 {
                body(bases)
                return []
            }
            var rest: [[Double]] = []
            let column = [Double](unsafeUninitializedCapacity: rows) { buffer, initialized in
                adviseHugePages(UnsafeMutableRawBufferPointer(buffer))
                rest = build(remaining - 1, bases + [buffer.baseAddress!])
                initialized = rows
            }
            return [column] + rest
        }
        return build(count, [])
    }

    /// Asks for transparent huge pages on the 2 MB-aligned interior of a large fresh buffer before it is first
    /// written: a few faults per column instead of one per 4 KB page (Linux with THP in `madvise` mode; elsewhere
    /// a harmless no-op).
    private static func adviseHugePages(_ buffer: UnsafeMutableRawBufferPointer) {
        #if os(Linux)
        let huge = 2 << 20
        guard let base = buffer.baseAddress, buffer.count >= 2 * huge else { return }
        let address = UInt(bitPattern: base)
        let start = (address + UInt(huge) - 1) & ~UInt(huge - 1)
        let end = (address + UInt(buffer.count)) & ~UInt(huge - 1)
        guard end > start, let pointer = UnsafeMutableRawPointer(bitPattern: start) else { return }
        _ = madvise(pointer, Int(end - start), 14) // MADV_HUGEPAGE
        #endif
    }

    /// Parses the lines in [from, to) into rows firstRow..<firstRow + rows of `outputs`: the number of labels 1,
    /// or nil on anything the fast path does not handle.
    private static func parseRange(_ base: UnsafePointer<UInt8>, from: Int, to: Int, delimiter: UInt8,
                                   targets: UnsafeBufferPointer<Int>, outputs: [UnsafeMutablePointer<Double>],
                                   firstRow: Int, rows: Int, powers: UnsafePointer<Double>) -> Int? {
        let newline = UInt8(ascii: "\n")
        let fieldCount = targets.count
        let labelOutput = outputs[outputs.count - 1]
        let featureOutputs = outputs
        var position = from
        var row = firstRow
        let lastRow = firstRow + rows
        var positives = 0
        return featureOutputs.withUnsafeBufferPointer { columns -> Int? in
            while position < to {
                guard row < lastRow else { return nil }
                for field in 0..<fieldCount {
                    let target = targets[field]
                    if target >= 0 {
                        guard let (value, next) = number(base, from: position, to: to, powers: powers) else { return nil }
                        columns[target][row] = value
                        position = next
                    } else if target == label {
                        guard position < to else { return nil }
                        let digit = base[position] &- UInt8(ascii: "0")
                        guard digit < 2 else { return nil }
                        labelOutput[row] = Double(digit)
                        positives &+= Int(digit)
                        position += 1
                    } else {
                        let fieldStart = position
                        while position < to, base[position] != delimiter, base[position] != newline { position += 1 }
                        guard position > fieldStart else { return nil } // empty fields go the sequential way
                    }
                    // The field must end exactly here: a delimiter between fields, a line end (or the end) after the last.
                    if field + 1 < fieldCount {
                        guard position < to, base[position] == delimiter else { return nil }
                        position += 1
                    } else {
                        if position < to {
                            guard base[position] == newline else { return nil }
                            position += 1
                        }
                    }
                }
                row += 1
            }
            return row == lastRow ? positives : nil
        }
    }

    private static let powersOfTen: [Double] = (0...22).map { k in
        var x = 1.0
        for _ in 0..<k { x *= 10 }
        return x
    }

    /// A plain decimal starting at `from` and ending at a delimiter, line end or `to` (not consumed): exactly
    /// `DecimalParser.parsePlain`'s rules and result (at most 15 significant and 22 fraction digits, then one
    /// correctly rounded division), or nil. Up to 15 digits in all (the usual case) the mantissa is exact and no
    /// digit needs counting on the way; longer numbers are read again by `DecimalParser.parsePlain`.
    @inline(__always)
    private static func number(_ base: UnsafePointer<UInt8>, from: Int, to: Int, powers: UnsafePointer<Double>) -> (Double, Int)? {
        var index = from
        var negative = false
        if index < to {
            if base[index] == UInt8(ascii: "-") { negative = true; index += 1 } else if base[index] == UInt8(ascii: "+") { index += 1 }
        }
        let integerStart = index
        var mantissa: UInt64 = 0
        while index < to {
            let digit = base[index] &- UInt8(ascii: "0")
            guard digit < 10 else { break }
            mantissa = mantissa &* 10 &+ UInt64(digit)
            index += 1
        }
        let integerDigits = index - integerStart
        var fractionDigits = 0
        if index < to, base[index] == UInt8(ascii: ".") {
            index += 1
            let fractionStart = index
            while index < to {
                let digit = base[index] &- UInt8(ascii: "0")
                guard digit < 10 else { break }
                mantissa = mantissa &* 10 &+ UInt64(digit)
                index += 1
            }
            fractionDigits = index - fractionStart
        }
        let allDigits = integerDigits + fractionDigits
        guard allDigits > 0 else { return nil }
        guard allDigits <= 15 else {
            // Leading zeros do not count towards the 15 significant digits: the same characters, by the rules.
            return DecimalParser.parsePlain(base + from, count: index - from).map { ($0, index) }
        }
        let value = Double(mantissa) / powers[fractionDigits]
        return (negative ? -value : value, index)
    }
}
