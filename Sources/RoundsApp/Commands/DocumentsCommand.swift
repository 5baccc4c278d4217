import Vapor

/// `rounds documents move --to database|directory`
struct DocumentsCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "move")
        var action: String
        @Option(name: "to", help: "database or directory: where the uploaded files should end up")
        var to: String?
    }

    var help: String {
        "Moves uploaded files between the storage directory and the database; set ROUNDS_DOCUMENT_STORE to match afterwards."
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard signature.action == "move" else { throw CommandFailure("the only action is `move --to database|directory`") }
        guard let raw = signature.to, let target = DocumentStoreKind(rawValue: raw) else {
            throw CommandFailure("give --to database or --to directory")
        }
        let source: DocumentStoreKind = target == .database ? .directory : .database
        let app = context.application
        let move = DocumentStoreMove(source: app.documentStore(kind: source), target: app.documentStore(kind: target))
        let summary = try await move.run()
        context.console.print(
            "Moved \(summary.moved) file(s) to the \(target.rawValue) (\(summary.alreadyThere) already there), \(summary.bytes) bytes, each checked by SHA-256."
        )
        if app.config.documentStore != target {
            context.console.print("Now set ROUNDS_DOCUMENT_STORE=\(target.rawValue) for every instance and restart them.")
        }
    }
}
