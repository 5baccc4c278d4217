import Foundation
import Plot
import RoundsCore
import Tagged

enum DocumentPages {
    static func vault(_ documents: [Document], errors: ValidationReport, maximumBytes: Int, context: PageContext) -> PageLayout {
        let rows: [BodyNode] = documents.map { document in
            .tag(
                "tr",
                .tag("td", .safeLink(SiteRoute.document(DocumentID(document.id!)).path, .safeText(document.fileName))),
                .tag("td", .safeText(document.documentKind.displayName)),
                .tag("td", .safeText(DocumentUpload.describe(bytes: document.byteCount))),
                .tag("td", .safeText(DisplayFormat.dateTime(document.createdAt))),
                .tag("td", .postButton(SiteRoute.deleteDocument(DocumentID(document.id!)).path, title: "Delete", csrfToken: context.csrfToken, style: "link"))
            )
        }
        return PageLayout(
            title: "Your documents",
            context: context,
            content: .div(
                .h1("Your documents"),
                .p("Upload each document once and attach it to any application. Only you, and the hosts of sessions you submit it to, can open it."),
                documents.isEmpty
                    ? .p("No documents yet.")
                    : .tag(
                        "table",
                        .tag("thead", .tag("tr", .tag("th", .text("File")), .tag("th", .text("Kind")), .tag("th", .text("Size")), .tag("th", .text("Uploaded")), .tag("th", .text("Actions")))),
                        .tag("tbody", rows)
                    ),
                .h2("Upload a document"),
                .errorSummary(errors.errors.map(\.message)),
                .postForm(
                    SiteRoute.documents.path,
                    csrfToken: context.csrfToken,
                    enctype: "multipart/form-data",
                    .selectField(
                        "What is it?", name: "kind", choices: DocumentKind.allCases.map { Choice(value: $0.rawValue, label: $0.displayName) },
                        selected: nil, error: errors.message(for: "kind")
                    ),
                    .div(
                        .class(errors.message(for: "file") == nil ? "field" : "field has-error"),
                        .tag("label", .safeAttribute("for", "field-file"), .text("File")),
                        .tag("p", .class("hint"), .safeText("PDF, PNG or JPEG, at most \(DocumentUpload.describe(bytes: maximumBytes)).")),
                        .voidTag("input", [("type", "file"), ("id", "field-file"), ("name", "file"), ("accept", ".pdf,.png,.jpg,.jpeg"), ("required", "required")]),
                        .fieldError(errors.message(for: "file"), id: "field-file")
                    ),
                    .submit("Upload")
                )
            )
        )
    }
}
