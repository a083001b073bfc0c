import Foundation
import PostgresNIO
import PromptLibCore

/// A version of a prompt, as a statement each PostgreSQL connection prepares once
/// (``PreparingStore/readPrepared(_:)``): what a fetch by a label that points below the latest version
/// reads after the prompt itself (``PostgresPromptLookup``).
struct PostgresVersionLookup: PostgresPreparedStatement {
    static let name = "promptlib_prompt_version"
    static let sql = SQLPromptRepository.selectVersion + " WHERE prompt_id = $1 AND version = $2"

    let promptID: String
    let number: Int

    func makeBindings() throws -> PostgresBindings {
        var bindings = PostgresBindings(capacity: 2)
        bindings.append(promptID)
        bindings.append(number)
        return bindings
    }

    func decodeRow(_ row: PostgresRow) throws -> PromptVersionRecord {
        let (promptID, document, author, createdAt) = try row.decode((String, String, String, Date).self)
        return PromptVersionRecord(promptID: promptID, document: try DocumentCodec.decode(document), author: author, createdAt: createdAt)
    }
}
