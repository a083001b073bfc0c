import Hummingbird
import PromptLibStorage

/// Keeps read-your-writes with a read replica (``ReplicatedStore``): every read of a write request,
/// and every read by an account that wrote within the window (through any replica, with Redis),
/// goes to the primary; other reads may go to the replica. Added only when `DATABASE_READ_URL` is set.
struct ReadYourWritesMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let writers: any RecentWriters

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let account = context.identity?.userID
        // A render is a POST that writes nothing; its reads may go to the replica like a GET's.
        guard RateLimitMiddleware.isRead(request) else {
            // Noted before the write, so that the client's reads on its other connections go to
            // the primary as soon as the write may be visible; and after, so that the window
            // counts from when it was.
            if let account { await writers.wrote(account) }
            do {
                let response = try await ReadRouting.onPrimary { try await next(request, context) }
                if let account { await writers.wrote(account) }
                return response
            } catch {
                if let account { await writers.wrote(account) }
                throw error
            }
        }
        if let account, await writers.wroteRecently(account) {
            return try await ReadRouting.onPrimary { try await next(request, context) }
        }
        return try await next(request, context)
    }
}
