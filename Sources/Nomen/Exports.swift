// The umbrella module: `import Nomen` gives a Swift program the whole toolkit.
@_exported import NomenLexicon
@_exported import NomenMatching
@_exported import NomenNormalization
@_exported import NomenTagger
@_exported import NomenTransliteration
