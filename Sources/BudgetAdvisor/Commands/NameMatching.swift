/// Finds the name a user meant: the exact name, else the only one starting with what was typed, else the
/// only one containing it (`interest` → `user_interest`).
enum NameMatching {
    /// The matching name, or nil when there is none or more than one.
    static func match(_ typed: String, in names: [String]) -> String? {
        if names.contains(typed) { return typed }
        let prefixed = names.filter { $0.hasPrefix(typed) }
        if prefixed.count == 1 { return prefixed[0] }
        let containing = names.filter { $0.contains(typed) }
        return prefixed.isEmpty && containing.count == 1 ? containing[0] : nil
    }
}
