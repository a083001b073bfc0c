/// How a relevance search is read: a prompt's score is how many of the query's terms its head —
/// name words, title and tags — holds, and within a score the newest prompt comes first. The
/// prompts with exactly `s` head terms form tier `s`, which is one boolean expression over the terms
/// (for two terms, tier 1 is "a and not b, or b and not a"), so a page is read tier by tier, each
/// tier newest first with a limit, and stops as soon as it is full. SQLite's FTS5 walks a match in
/// rowid order and stops at the limit, and PostgreSQL reads only the tier's rows rather than every
/// match: ranking costs what the page needs, not what the query matches (scoring every match was
/// two thirds of a search at 100,000 prompts).
///
/// The score counts the first ``scoredTerms`` distinct terms: tier `s` of `k` terms is C(k, s)
/// conjunctions, and queries of more words match few prompts anyway. The score depends on the
/// prompt alone, so a cursor `(score, key)` stays right while prompts are added.
struct RelevanceTiers: Sendable {
    /// The most terms the score counts.
    static let scoredTerms = 4

    /// How many terms the score counts: the highest score.
    let count: Int

    init(termCount: Int) {
        count = min(termCount, Self.scoredTerms)
    }

    /// The scores in the order a page reads them.
    func scores(descending: Bool) -> [Int] {
        descending ? Array((0...count).reversed()) : Array(0...count)
    }

    /// Every way to pick `score` of the counted terms: the indices picked and the others.
    func choices(_ score: Int) -> [(picked: [Int], others: [Int])] {
        var result: [(picked: [Int], others: [Int])] = []
        for mask in 0..<(1 << count) where mask.nonzeroBitCount == score {
            let picked = (0..<count).filter { mask & (1 << $0) != 0 }
            result.append((picked, (0..<count).filter { mask & (1 << $0) == 0 }))
        }
        return result
    }
}
