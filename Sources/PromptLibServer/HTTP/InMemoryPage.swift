import PromptLibStorage

/// Pages a short list that is read whole (an account's API keys, a prompt's shares): the same
/// `limit`, `cursor` and envelope as the lists paged in the database. The cursor is the key of the
/// last item returned, so a page stays right when earlier items are added or removed.
enum InMemoryPage {
    static func page<Item>(_ items: [Item], _ query: ListQuery, key: (Item) -> String) throws -> Page<Item> {
        var start = 0
        if let cursor = query.cursor {
            let last = try Cursor.decode(cursor)
            guard let index = items.firstIndex(where: { key($0) == last }) else {
                throw APIError.validation("cursor is not one this list gave, or its item is gone; start again without it", field: "cursor")
            }
            start = index + 1
        }
        let end = min(items.count, start + query.limit)
        let slice = Array(items[start..<end])
        let next = end < items.count ? slice.last.map { Cursor.encode(key($0)) } : nil
        return Page(items: slice, nextCursor: next)
    }
}
