import Foundation
import Plot
import RoundsCore
import Tagged

enum DocumentPages {
    static func vault(_ documents: [Document], errors: ValidationReport, maximumBytes: Int, context: PageContext) -> PageLayout {
        let rows: [[BodyNode]] = documents.map { document in
            [
                .safeLink(SiteRoute.document(DocumentID(document.id!)).path, .safeText(document.fileName)),
                .safeText(document.documentKind.displayName),
                .safeText(DocumentUpload.describe(bytes: document.byteCount)),
                .safeText(DisplayFormat.dateTime(document.createdAt)),
                .postButton(SiteRoute.deleteDocument(DocumentID(document.id!)).path, title: "Delete", csrfToken: context.csrfToken, style: "link"),
            ]
        }
        return PageLayout(
            title: "Your documents",
            context: context,
            content: .div(
                .h1("Your documents"),
                .p("Upload each document once and attach it to any application. Only you, and the hosts of sessions you submit it to, can open it."),
                documents.isEmpty
                    ? .p("No documents yet.")
                    : .stackingTable(["File", "Kind", "Size", "Uploaded", "Actions"], rows: rows),
                .h2("Upload a document"),
                .errorSummary(errors),
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
