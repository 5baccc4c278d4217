/// A count with its noun in the right number: "1 seat", "2 seats", "0 hours", "1 week".
public func counted(_ count: Int, _ singular: String, plural: String? = nil) -> String {
    "\(count) \(count == 1 ? singular : plural ?? singular + "s")"
}
