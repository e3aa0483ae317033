extension Tagger {
    /// A tagger over a compiled index, with fuzzy mentions through its matcher.
    public convenience init(index: NomenIndex, options: TaggerOptions = .init()) {
        self.init(lexicon: index.tagger, matcher: NameMatcher(index: index.matcher), options: options)
    }
}
