import Foundation

/// The numbers typed beside each choice of a rank form (1 = first choice). Blank means "not ranked";
/// anything else must be a whole number from 1 to the number of choices offered, each used once, so a
/// slip is refused with the reason instead of saved in an order nobody meant.
public enum RankNumbers {
    /// `entries` are the choices offered with what was typed beside each; `offered` counts the choices
    /// on the form when only some are passed.
    public static func order<ID>(_ entries: [(id: ID, typed: String)], offered: Int? = nil) -> Result<[ID], ValidationReport> {
        let offered = offered ?? entries.count
        var errors: [String] = []
        var ranked: [(Int, ID)] = []
        for (id, typed) in entries {
            let text = typed.trimmingWhitespace()
            guard !text.isEmpty else { continue }
            guard let number = Int(text) else {
                errors.append("“\(text)” is not a rank: type a whole number, or leave the field empty.")
                continue
            }
            guard (1...max(1, offered)).contains(number) else {
                errors.append("\(number) is not a rank here: use the numbers 1 to \(offered).")
                continue
            }
            ranked.append((number, id))
        }
        let counts = Dictionary(grouping: ranked, by: \.0).filter { $0.value.count > 1 }.keys.sorted()
        for number in counts { errors.append("Number \(number) is given to more than one choice; give each choice its own number.") }
        guard errors.isEmpty else { return .failure(ValidationReport(errors.map { FieldError(field: "choices", message: $0) })) }
        return .success(ranked.sorted { $0.0 < $1.0 }.map(\.1))
    }
}
