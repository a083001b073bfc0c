import Hummingbird
import PromptLibCore

/// `POST …/render`: the provider's request body, the canonical messages, and a token estimate.
struct RenderResponse: SchemaOrderedResponse, Sendable {
    let result: PromptRenderer.Result
    let version: Int
    let resolved: [IncludeResolver.Resolution]?
    /// The variables the render took: the prompt's own and those its includes bring.
    let variables: [VariableDefinition]

    enum CodingKeys: String, CodingKey {
        case provider, model, payload, messages, text, warnings, version, resolved, variables
        case tokenEstimate = "token_estimate"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(result.target.rawValue, forKey: .provider)
        try container.encode(result.model, forKey: .model)
        try container.encode(result.payload, forKey: .payload)
        try container.encode(result.messages, forKey: .messages)
        try container.encodeIfPresent(result.text, forKey: .text)
        try container.encode(result.tokenEstimate, forKey: .tokenEstimate)
        try container.encode(result.warnings, forKey: .warnings)
        try container.encode(version, forKey: .version)
        try container.encode(variables, forKey: .variables)
        try container.encodeIfPresent(resolved, forKey: .resolved)
    }
}

/// `POST …/render/compare`: one render, or one error, per provider asked for.
struct CompareResponse: SchemaOrderedResponse, Sendable {
    enum Entry: Sendable {
        case rendered(RenderResponse)
        case failed(provider: String, APIError)
    }

    let version: Int
    let resolved: [IncludeResolver.Resolution]
    let renders: [Entry]

    enum CodingKeys: String, CodingKey { case version, resolved, renders }
    enum FailureKeys: String, CodingKey { case provider, error }
    struct ErrorBody: Encodable {
        let code: String
        let message: String
        let field: String?
        let details: [APIError.Detail]?
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(version, forKey: .version)
        try container.encode(resolved, forKey: .resolved)
        var list = container.nestedUnkeyedContainer(forKey: .renders)
        for entry in renders {
            switch entry {
            case .rendered(let render):
                try list.encode(render)
            case .failed(let provider, let error):
                var failure = list.nestedContainer(keyedBy: FailureKeys.self)
                try failure.encode(provider, forKey: .provider)
                try failure.encode(ErrorBody(code: error.code.rawValue, message: error.message, field: error.field, details: error.details), forKey: .error)
            }
        }
    }
}
