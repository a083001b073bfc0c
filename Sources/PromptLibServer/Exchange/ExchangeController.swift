import Foundation
import Hummingbird
import PromptLibCore

/// `POST /api/v1/exports` and `POST /api/v1/imports`: prompts in and out in bulk.
struct ExchangeController {
    let exports: ExportService
    let imports: ImportService

    func addRoutes(to router: RouterGroup<AppRequestContext>) {
        router.post("/api/v1/exports") { request, context -> Response in
            let input = try await request.decodeJSON(as: ExportService.Request.self, context: context)
            let archive = try await exports.export(input, context: context)
            return Response(
                status: .ok,
                headers: [.contentType: archive.kind.contentType,
                          .contentDisposition: "attachment; filename=\"promptlib-export.\(archive.kind.rawValue)\""],
                body: .init(byteBuffer: ByteBuffer(data: archive.data))
            )
        }
        router.post("/api/v1/imports") { request, context -> ImportService.Result in
            let query = request.uri.formParameters
            var strategy: ImportService.Strategy?
            if let name = query["on_conflict"].map(String.init) {
                guard let parsed = ImportService.Strategy(rawValue: name) else {
                    throw APIError.validation("on_conflict must be skip, new_version or rename", field: "on_conflict")
                }
                strategy = parsed
            }
            let body = try await request.collectBody(context: context)
            return try await imports.run(
                Data(buffer: body), mediaType: request.mediaType, format: query["format"].map(String.init), name: query["name"].map(String.init),
                dryRun: try ListQuery.flag("dry_run", in: request), strategy: strategy,
                identity: try context.requireIdentity(), context: context
            )
        }
    }
}
