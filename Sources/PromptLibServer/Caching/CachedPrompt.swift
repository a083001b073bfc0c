import Foundation
import PromptLibCore
import PromptLibStorage

/// A prompt record as the Redis cache stores it (JSON).
struct CachedPrompt: Codable {
    var id: String
    var document: PromptDocument
    var author: String
    var createdAt: Date
    var updatedAt: Date
    var archivedAt: Date?
    var labels: [String: Int]
    var ownerID: String?

    init(_ record: PromptRecord) {
        id = record.id
        document = record.document
        author = record.author
        createdAt = record.createdAt
        updatedAt = record.updatedAt
        archivedAt = record.archivedAt
        labels = record.labels
        ownerID = record.ownerID
    }

    var record: PromptRecord {
        var record = PromptRecord(id: id, document: document, author: author, createdAt: createdAt, updatedAt: updatedAt, archivedAt: archivedAt)
        record.labels = labels
        record.ownerID = ownerID
        return record
    }
}

/// A version record as the Redis cache stores it (JSON).
struct CachedVersion: Codable {
    var promptID: String
    var document: PromptDocument
    var author: String
    var createdAt: Date

    init(_ version: PromptVersionRecord) {
        promptID = version.promptID
        document = version.document
        author = version.author
        createdAt = version.createdAt
    }

    var record: PromptVersionRecord {
        PromptVersionRecord(promptID: promptID, document: document, author: author, createdAt: createdAt)
    }
}
