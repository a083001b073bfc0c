import Hummingbird
import PromptLibCore
import PromptLibStorage

extension PromptQuery {
    /// `?q=&tag=&owner=&status=&folder=&sort=&order=&cursor=&limit=&include_archived=`, checked.
    init(_ request: Request) throws {
        self.init()
        let list = try ListQuery(request)
        limit = list.limit
        cursor = list.cursor
        includeArchived = try ListQuery.flag("include_archived", in: request)
        let parameters = request.uri.queryParameters
        func value(_ name: String) -> String? {
            parameters[Substring(name)].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
        }
        text = value("q")
        if let text, text.count > 500 { throw APIError.validation("q must be at most 500 characters", field: "q") }
        tag = value("tag")
        owner = value("owner")
        folder = value("folder").map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
        if let status = value("status") {
            guard PromptStatus(rawValue: status) != nil else {
                throw APIError.validation("status must be draft, active or archived", field: "status")
            }
            self.status = status
        }
        if let sort = value("sort") {
            guard let parsed = Sort(rawValue: sort) else {
                let names = Sort.allCases.map(\.rawValue).joined(separator: ", ")
                throw APIError.validation("sort must be one of \(names)", field: "sort")
            }
            self.sort = parsed
        } else if text != nil {
            sort = .relevance
        }
        switch value("order") {
        case nil: descending = [.relevance, .rating, .updatedAt, .createdAt].contains(sort)
        case "asc": descending = false
        case "desc": descending = true
        default: throw APIError.validation("order must be asc or desc", field: "order")
        }
    }
}
