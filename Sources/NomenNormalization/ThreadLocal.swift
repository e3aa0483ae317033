import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// One value per thread, made on first use on that thread and released with it.
///
/// ICU's transliterators and break iterators must not be shared between threads;
/// caches are cheapest without locks. A `ThreadLocal` gives each thread its own.
public final class ThreadLocal<Value: AnyObject>: @unchecked Sendable {
    private var key = pthread_key_t()
    private let make: @Sendable () -> Value

    /// - Parameter make: builds the value for a thread that has none yet.
    /// Keys are a scarce resource of the process (about a thousand): make thread-locals
    /// static, not one per object.
    public init(_ make: @escaping @Sendable () -> Value) {
        self.make = make
        let status = pthread_key_create(&key) { raw in
            #if canImport(Darwin)
            Unmanaged<AnyObject>.fromOpaque(raw).release()
            #else
            if let raw { Unmanaged<AnyObject>.fromOpaque(raw).release() }
            #endif
        }
        precondition(status == 0, "no thread-local key left (pthread_key_create: \(status))")
    }

    /// This thread's value.
    public var value: Value {
        if let raw = pthread_getspecific(key) {
            return Unmanaged<Value>.fromOpaque(raw).takeUnretainedValue()
        }
        let fresh = make()
        pthread_setspecific(key, Unmanaged.passRetained(fresh).toOpaque())
        return fresh
    }
}

/// `first()` on this thread and `second()` on a thread of its own (the main thread's 8 MB
/// stack), side by side; returns both results once both are done. For two parts of one
/// job that share nothing mutable (each thread has its own ``ThreadLocal`` values).
public func bothAtOnce<A, B>(_ first: () -> A, _ second: @escaping @Sendable () -> B) -> (A, B) {
    let slot = ResultSlot<B>()
    let done = DispatchSemaphore(value: 0)
    let thread = Thread {
        slot.value = second()
        done.signal()
    }
    thread.stackSize = 8 << 20
    thread.start()
    let a = first()
    done.wait()
    return (a, slot.value!)
}

/// Where ``bothAtOnce(_:_:)``'s thread leaves its result: written before the thread signals,
/// read after the wait.
private final class ResultSlot<Value>: @unchecked Sendable {
    var value: Value?
}
