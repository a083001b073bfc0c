import Foundation
import Hummingbird

/// `GET /api/system/health` (dependency checks) and `GET /api/health` (liveness only).
struct HealthController {
    let service: HealthService

    func addRoutes(to router: RouterGroup<AppRequestContext>) {
        router.get("/api/system/health", use: health)
        router.get("/api/health", use: liveness)
    }

    @Sendable func health(_ request: Request, context: AppRequestContext) async throws -> EditedResponse<HealthReport> {
        let report = await service.report()
        var headers: HTTPFields = [.cacheControl: "no-store"]
        headers[.contentType] = "application/json; charset=utf-8"
        return EditedResponse(status: report.status == .unhealthy ? .serviceUnavailable : .ok, headers: headers, response: report)
    }

    @Sendable func liveness(_ request: Request, context: AppRequestContext) async throws -> [String: String] {
        ["status": "ok"]
    }
}

extension HealthReport: ResponseEncodable {}
