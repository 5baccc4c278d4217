import Vapor

/// An upload form (HTML and API alike).
struct UploadForm: Content {
    var kind: String
    var file: File

    var bytes: [UInt8] { Array(self.file.data.readableBytesView) }

    static func decode(_ req: Request) throws -> UploadForm {
        try req.decodeMultipart(UploadForm.self, fields: "kind and file", what: "a document")
    }
}

extension Request {
    /// Decodes an upload form sent as multipart/form-data (415 otherwise). The multipart parser's own
    /// errors, from a body that is not the multipart it claims to be, become 400 naming the `fields`.
    func decodeMultipart<Form: Decodable>(_ type: Form.Type, fields: String, what: String) throws -> Form {
        guard self.headers.contentType?.type == "multipart", self.headers.contentType?.subType == "form-data" else {
            throw Abort(.unsupportedMediaType, reason: "Upload \(what) as multipart/form-data with the fields \(fields).")
        }
        return try self.decodeBody(Form.self, unreadable: "The body is not valid multipart/form-data; send the fields \(fields).")
    }
}
