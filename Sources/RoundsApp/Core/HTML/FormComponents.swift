import Plot
import RoundsCore

/// One choice in a select or checkbox group.
struct Choice: Sendable, Equatable {
    var value: String
    var label: String
}

extension Node where Context == HTML.BodyContext {
    /// A POST form with its CSRF token. Every form in Rounds is built here, so none can forget the token.
    static func postForm(
        _ action: String,
        csrfToken: String,
        enctype: String? = nil,
        _ nodes: BodyNode...
    ) -> BodyNode {
        .tag(
            "form",
            [
                .safeAttribute("method", "post"),
                .safeAttribute("action", action),
                enctype.map { .safeAttribute("enctype", $0) } ?? .empty,
                .voidTag("input", [("type", "hidden"), ("name", "csrf_token"), ("value", csrfToken)]),
            ] + nodes
        )
    }

    /// A one-button form for actions such as "Sign out" or "Revoke".
    static func postButton(_ action: String, title: String, csrfToken: String, style: String = "") -> BodyNode {
        .postForm(
            action,
            csrfToken: csrfToken,
            .tag("button", .safeAttribute("type", "submit"), .class("button \(style)"), .safeText(title))
        )
    }

    /// A labelled input with its error message tied to it for screen readers.
    static func field(
        _ label: String,
        name: String,
        value: String = "",
        type: String = "text",
        error: String? = nil,
        hint: String? = nil,
        autocomplete: String? = nil,
        isRequired: Bool = false,
        maxLength: Int? = nil,
        id: String? = nil
    ) -> BodyNode {
        // Pages with several forms using one field name give each its own id.
        let id = id ?? "field-\(name)"
        var attributes: [(String, String)] = [("type", type), ("id", id), ("name", name)]
        if type != "password" { attributes.append(("value", value)) }
        if let autocomplete { attributes.append(("autocomplete", autocomplete)) }
        if isRequired { attributes.append(("required", "required")) }
        if let maxLength { attributes.append(("maxlength", String(maxLength))) }
        // The browser stops a slip of the year (0028) before the server has to.
        if type == "date" { attributes.append(("min", Day.earliestTyped.iso)) }
        if error != nil { attributes.append(("aria-invalid", "true")) }
        let describedBy = [error.map { _ in "\(id)-error" }, hint.map { _ in "\(id)-hint" }].compactMap { $0 }
        if !describedBy.isEmpty { attributes.append(("aria-describedby", describedBy.joined(separator: " "))) }
        return .div(
            .class(error == nil ? "field" : "field has-error"),
            .tag("label", .safeAttribute("for", id), .safeText(label)),
            hint.map { .tag("p", .class("hint"), .safeAttribute("id", "\(id)-hint"), .safeText($0)) } ?? .empty,
            .voidTag("input", attributes),
            .fieldError(error, id: id)
        )
    }

    /// A labelled select; `selected` is the current value.
    static func selectField(
        _ label: String,
        name: String,
        choices: [Choice],
        selected: String?,
        error: String? = nil,
        includeBlank: String? = nil
    ) -> BodyNode {
        let id = "field-\(name)"
        var options: [BodyNode] = []
        if let includeBlank {
            options.append(.tag("option", .safeAttribute("value", ""), .safeText(includeBlank)))
        }
        for choice in choices {
            options.append(
                .tag(
                    "option",
                    .safeAttribute("value", choice.value),
                    .flag("selected", choice.value == selected),
                    .safeText(choice.label)
                )
            )
        }
        return .div(
            .class(error == nil ? "field" : "field has-error"),
            .tag("label", .safeAttribute("for", id), .safeText(label)),
            .tag(
                "select",
                [
                    .safeAttribute("id", id), .safeAttribute("name", name),
                    error == nil ? .empty : .safeAttribute("aria-describedby", "\(id)-error"),
                ] + options
            ),
            .fieldError(error, id: id)
        )
    }

    /// A fieldset of checkboxes sharing one name (`name[]`), for multi-choice fields.
    static func checkboxGroup(
        _ legend: String,
        name: String,
        choices: [Choice],
        checked: Set<String>,
        error: String? = nil
    ) -> BodyNode {
        .tag(
            "fieldset",
            [
                .class(error == nil ? "field checkbox-group" : "field checkbox-group has-error"),
                .safeAttribute("id", "field-\(name)"),
                .tag("legend", .safeText(legend)),
                .fieldError(error, id: "field-\(name)"),
            ]
                + choices.map { choice in
                    .tag(
                        "label",
                        .class("checkbox"),
                        .voidTag(
                            "input",
                            [("type", "checkbox"), ("name", "\(name)[]"), ("value", choice.value)]
                                + (checked.contains(choice.value) ? [("checked", "checked")] : [])
                        ),
                        .safeText(choice.label)
                    )
                }
        )
    }

    /// A labelled multi-line text field.
    /// `limits` ("AMCAS:700,ERAS:750") shows a live count under the field (see the page script);
    /// `countsWords` adds the number of words to it.
    static func textArea(
        _ label: String, name: String, value: String, error: String? = nil, hint: String? = nil, maxLength: Int, rows: Int = 8, limits: String? = nil, countsWords: Bool = false
    ) -> BodyNode {
        let id = "field-\(name)"
        let describedBy = [error.map { _ in "\(id)-error" }, hint.map { _ in "\(id)-hint" }].compactMap { $0 }
        return .div(
            .class(error == nil ? "field" : "field has-error"),
            .tag("label", .safeAttribute("for", id), .safeText(label)),
            hint.map { .tag("p", .class("hint"), .safeAttribute("id", "\(id)-hint"), .safeText($0)) } ?? .empty,
            .tag(
                "textarea",
                .safeAttribute("id", id), .safeAttribute("name", name), .safeAttribute("rows", String(rows)),
                .safeAttribute("maxlength", String(maxLength)),
                limits.map { .safeAttribute("data-limits", $0) } ?? .empty,
                countsWords ? .safeAttribute("data-words", "") : .empty,
                describedBy.isEmpty ? .empty : .safeAttribute("aria-describedby", describedBy.joined(separator: " ")),
                .safeText(value)
            ),
            .fieldError(error, id: id)
        )
    }

    static func fieldError(_ error: String?, id: String) -> BodyNode {
        guard let error else { return .empty }
        return .tag("p", .class("error"), .safeAttribute("id", "\(id)-error"), .safeText(error))
    }

    static func submit(_ title: String) -> BodyNode {
        .tag("button", .safeAttribute("type", "submit"), .class("button primary"), .safeText(title))
    }

    /// A summary of every error at the top of a form, as GOV.UK's pattern recommends: focused when the
    /// page opens (`autofocus` needs no script), each message a link to its field: `#field-<name>`, or
    /// what `links` gives for fields a page names differently (another id, or a field on another page
    /// such as the profile's visa status).
    static func errorSummary(_ report: ValidationReport, links: [String: String] = [:], describe: (FieldError) -> String = \.message) -> BodyNode {
        .errorSummary(report.errors.map { (describe($0), links[$0.field] ?? "#field-\($0.field)") })
    }

    /// A single refusal that belongs to one field, such as a wrong sign-in code.
    static func errorSummary(_ message: String?, field id: String) -> BodyNode {
        .errorSummary(message.map { [($0, "#" + id)] } ?? [])
    }

    private static func errorSummary(_ items: [(message: String, href: String)]) -> BodyNode {
        guard !items.isEmpty else { return .empty }
        return .div(
            .class("error-summary"),
            .safeAttribute("role", "alert"),
            .safeAttribute("tabindex", "-1"),
            .flag("autofocus", true),
            .h2(.text("Please fix the following")),
            .ul(.forEach(items) { item in .li(.tag("a", .safeAttribute("href", item.href), .safeText(item.message))) })
        )
    }
}
