/// The candidate names of a match (indices into the lexicon's name tables). Almost every
/// match has one or two, so those are held inline: making, copying and dropping a match
/// then touches no heap (an array a match made one allocation and a reference count for
/// every copy). A third name and more go to an array.
struct NameList: RandomAccessCollection, ExpressibleByArrayLiteral {
    private var first: Int32 = -1
    private var second: Int32 = -1
    private var more: [Int32]? = nil
    private var stored: Int32 = 0

    init() {}

    init<S: Sequence>(_ names: S) where S.Element == Int32 {
        for n in names { append(n) }
    }

    init(arrayLiteral names: Int32...) { self.init(names) }

    var startIndex: Int { 0 }
    var endIndex: Int { Int(stored) }

    subscript(i: Int) -> Int32 {
        switch i {
        case 0: return first
        case 1: return second
        default: return more![i - 2]
        }
    }

    mutating func append(_ n: Int32) {
        switch stored {
        case 0: first = n
        case 1: second = n
        case 2: more = [n]
        default: more!.append(n)
        }
        stored += 1
    }

    mutating func removeAll(where drop: (Int32) -> Bool) {
        guard contains(where: drop) else { return }
        self = NameList(filter { !drop($0) })
    }
}
