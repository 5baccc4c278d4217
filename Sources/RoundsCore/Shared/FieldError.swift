/// A validation failure tied to one input field, with a message that says what to fix.
public struct FieldError: Error, Equatable, Hashable, Sendable {
    /// The form or JSON field name, e.g. `graduation_year`.
    public var field: String
    /// A sentence a person can act on.
    public var message: String

    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }
}

/// A list of field errors; empty means the input is valid.
public struct ValidationReport: Error, Equatable, Sendable {
    public var errors: [FieldError]

    public init(_ errors: [FieldError] = []) {
        self.errors = errors
    }

    public var isValid: Bool { self.errors.isEmpty }

    /// The first message for a field, for showing beside it.
    public func message(for field: String) -> String? {
        self.errors.first { $0.field == field }?.message
    }

    /// One line naming every failing field, for API answers and logs.
    public var summary: String {
        self.errors.map { "\($0.field): \($0.message)" }.joined(separator: "; ")
    }

    /// Throws `self` when any error was collected.
    public func throwIfInvalid() throws(ValidationReport) {
        if !self.isValid { throw self }
    }
}
