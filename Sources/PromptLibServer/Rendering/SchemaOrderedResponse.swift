import Foundation
import Hummingbird
import PromptLibCore

/// A response written by ``SchemaOrderedJSON``: what the default encoder writes (sorted keys, ISO
/// 8601 dates, unescaped slashes), but with JSON Schema `properties` in their declared order. For
/// renders, whose payloads are sent to providers as they are.
protocol SchemaOrderedResponse: Encodable, ResponseGenerator {}

extension SchemaOrderedResponse {
    func response(from request: Request, context: some RequestContext) throws -> Response {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        let value = try JSONDecoder().decode(JSONValue.self, from: try encoder.encode(self))
        return Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
                        body: .init(byteBuffer: ByteBuffer(string: SchemaOrderedJSON.string(value))))
    }
}
