/// The JSON body of every error response.
struct ErrorEnvelope: Encodable {
    struct Body: Encodable {
        let code: APIError.Code
        let message: String
        let field: String?
        let details: [APIError.Detail]?
    }

    let error: Body
    let requestID: String

    enum CodingKeys: String, CodingKey {
        case error
        case requestID = "request_id"
    }

    init(_ error: APIError, requestID: String) {
        self.error = Body(code: error.code, message: error.message, field: error.field, details: error.details)
        self.requestID = requestID
    }
}
