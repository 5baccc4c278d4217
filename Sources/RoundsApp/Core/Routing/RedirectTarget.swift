/// Where a sign-in may send the user back to.
enum RedirectTarget {
    /// Only our own absolute paths (no open redirect).
    static func isSafe(_ target: String) -> Bool {
        target.hasPrefix("/") && !target.hasPrefix("//") && !target.contains("\\")
            && !target.contains("\n") && !target.contains("\r") && target.count <= 512
    }
}
