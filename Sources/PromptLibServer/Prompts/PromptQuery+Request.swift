import Foundation
import Hummingbird
import PromptLibCore
import PromptLibStorage

extension PromptQuery {
    /// The list's filters, checked: what `?q=&tag=&owner=&status=&folder=&include_archived=` and an
    /// export's `filter` name.
    static func filters(q: String?, tag: String?, owner: String?, status: String?, folder: String?, includeArchived: Bool) throws -> PromptQuery {
        var query = PromptQuery()
        query.includeArchived = includeArchived
        // A q of only spaces (`q=+`) searches for nothing: the list, as `q=` is.
        query.text = q.flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : $0 }
        if let text = query.text, text.unicodeScalars.count > 500 { throw APIError.validation("q must be at most 500 characters", field: "q") }
        query.tag = tag.flatMap { $0.isEmpty ? nil : $0 }
        query.owner = owner.flatMap { $0.isEmpty ? nil : $0 }
        query.folder = folder.flatMap { $0.isEmpty ? nil : $0 }.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
        if let status = status.flatMap({ $0.isEmpty ? nil : $0 }) {
            guard PromptStatus(rawValue: status) != nil else {
                throw APIError.validation("status must be draft, active or archived", field: "status")
            }
            query.status = status
        }
        return query
    }

    /// `?q=&tag=&owner=&status=&folder=&sort=&order=&cursor=&limit=&include_archived=`, checked.
    init(_ request: Request) throws {
        let parameters = request.uri.formParameters
        func value(_ name: String) -> String? {
            parameters[Substring(name)].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
        }
        self = try Self.filters(q: value("q"), tag: value("tag"), owner: value("owner"), status: value("status"), folder: value("folder"),
                                includeArchived: try ListQuery.flag("include_archived", in: request))
        let list = try ListQuery(request)
        limit = list.limit
        cursor = list.cursor
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
