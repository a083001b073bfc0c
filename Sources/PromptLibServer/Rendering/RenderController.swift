import Foundation
import Hummingbird
import PromptLibCore

/// `/api/v1/prompts/{id}/render`, `…/render/compare` and `…/export`: a version as a provider takes
/// it, and as a file.
struct RenderController {
    let service: RenderService

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.post(":id/render") { request, context -> RenderResponse in
            let input = try await request.decodeJSON(as: RenderService.Input.self, context: context)
            return try await service.render(promptID: try context.parameters.require("id"), input)
        }
        group.post(":id/render/compare") { request, context -> CompareResponse in
            let input = try await request.decodeJSON(as: RenderService.Input.self, context: context)
            return try await service.compare(promptID: try context.parameters.require("id"), input)
        }
        group.get(":id/export", use: export)
    }

    /// The version as a downloadable file: `?format=` (default yaml), `?version=` or `?label=`, and
    /// for provider formats optional `?variables=` (a JSON object) to substitute.
    @Sendable func export(_ request: Request, context: AppRequestContext) async throws -> Response {
        let query = request.uri.formParameters
        let formatName = query["format"].map(String.init) ?? "yaml"
        guard let format = ExportFormat(rawValue: formatName) else {
            throw APIError.validation("format must be one of: " + ExportFormat.allCases.map(\.rawValue).joined(separator: ", "), field: "format")
        }
        var input = RenderService.Input()
        input.version = try ListQuery.version(in: request)
        input.label = query["label"].map(String.init)
        var variables: [String: JSONValue]?
        if let text = query["variables"].map(String.init) {
            // The query check sees `\u0000` as six characters; the JSON inside decodes it.
            if let (field, problem) = ControlCharacters.firstProblem(inJSON: Data(text.utf8)) {
                throw APIError.validation("variables.\(field) \(problem)", field: "variables.\(field)")
            }
            guard case .object(let object)? = try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)) else {
                throw APIError.validation("variables must be a JSON object", field: "variables")
            }
            variables = object
        }
        let (document, _) = try await service.version(promptID: try context.parameters.require("id"), input)
        let file: String
        do {
            file = try PromptExport.export(document, format: format, variables: variables)
        } catch let failures as ValidationFailures {
            throw RenderService.unprocessable(failures)
        }
        return Response(
            status: .ok,
            headers: [.contentType: format.contentType, .contentDisposition: "attachment; filename=\"\(format.fileName(for: document))\""],
            body: .init(byteBuffer: ByteBuffer(string: file))
        )
    }
}
