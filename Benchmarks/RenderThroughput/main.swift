import Foundation
import PromptLibCore

// Renders a typical prompt (structured fields, an example, JSON output, five variables of four
// types) for every provider in-process and prints renders per second. Figures only.

let yaml = """
schema: promptlib/v1
name: marketing/product-description
title: Product description generator
summary: Writes product copy from a feature list
tags: [ecommerce, copywriting]
owner: alice
status: active
version: 4
prompt:
  goal: Write a product description for {{product_name}} in at most {{max_words}} words
  audience: Online shoppers comparing {{category}} products
  context: The shop sells garden tools to hobby gardeners and professionals alike.
  steps:
    - List the three strongest features
    - "Mention {{#features}}{{.}}; {{/features}}"
    - Write a headline and two short paragraphs
  constraints: [No superlatives without evidence, "{{#formal}}Use a formal tone{{/formal}}{{^formal}}Be friendly{{/formal}}"]
  output: { format: json, fields: [title, description, features] }
  examples:
    - { input: Shears, output: '{"title": "Sharp shears", "description": "Cuts clean.", "features": ["steel"]}' }
variables:
  - { name: product_name, type: string, required: true }
  - { name: category, type: enum, options: [electronics, garden], default: garden }
  - { name: features, type: list, default: [] }
  - { name: max_words, type: integer, default: 120 }
  - { name: formal, type: boolean, default: false }
model: { provider: openai, name: gpt-4o, temperature: 0.4, max_tokens: 800 }
"""

let document = try PromptYAML.decode(yaml)
let values: [String: JSONValue] = [
    "product_name": .string("Rake & Hoe <Pro>"), "features": .array([.string("steel"), .string("ash handle"), .string("lifetime warranty")]),
    "formal": .bool(true),
]
let seconds = Double(CommandLine.arguments.dropFirst().first ?? "") ?? 2
print("render throughput, one core, \(seconds) s per provider:")
for target in RenderTarget.allCases {
    let request = PromptRenderer.Request(target: target, variables: values)
    var count = 0
    var checksum = 0
    let clock = ContinuousClock()
    let start = clock.now
    let end = start + .seconds(seconds)
    while clock.now < end {
        for _ in 0..<100 {
            checksum &+= try PromptRenderer.render(document, request).tokenEstimate
        }
        count += 100
    }
    let elapsed = clock.now - start
    let perSecond = Double(count) / (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    print("  \(target.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0)) \(Int(perSecond)) renders/s (\(String(format: "%.1f", 1e6 / perSecond)) µs each; checksum \(checksum % 1000))")
}
