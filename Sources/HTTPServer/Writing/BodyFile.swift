import CEpoll
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// One file in memory (a memfd) holding the server's large prepared bodies, so a connection
/// hands a body to the kernel with `sendfile` instead of copying it.
///
/// `writev` from user memory copies every byte into socket buffers; `sendfile` from a file
/// attaches the file's pages to the outgoing packets instead (what nginx does for static
/// files). For a 65 KB body that copy was a quarter of the server's CPU time. The bytes stay
/// readable in the process too: each body is mapped read-only from the file, so there is one
/// copy in memory, not two.
///
/// The file only grows: each body is appended at a page boundary (so it can be mapped on its
/// own) and never written again; the file is sealed against shrinking, so an offset stays
/// valid for as long as the process runs. When a body is released its pages are freed with a
/// hole punch; a `sendfile` still in flight keeps its own references to the pages.
///
/// Where memfd is unavailable (an old kernel, a seccomp profile) ``shared`` is `nil` and
/// bodies live in ordinary memory, written with `writev` as before.
final class BodyFile: Sendable {
    /// The process's body file, created on first use.
    static let shared = BodyFile()

    /// Bodies at least this large go into the file. Below it, the copy `writev` makes costs
    /// less than the second system call (`sendmsg` for the head, then `sendfile`) and a page
    /// of padding per body.
    static let threshold = 16 * 1024

    /// The memfd.
    let descriptor: Int32
    /// The end of the last body written (the next one starts at the following page).
    private let end = Mutex<Int>(0)
    private static let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))

    private init?() {
        let descriptor = cepoll_memfd_create("dossier-server-bodies")
        guard descriptor >= 0 else { return nil }
        guard cepoll_seal_against_shrinking(descriptor) == 0 else {
            close(descriptor)
            return nil
        }
        self.descriptor = descriptor
    }

    /// Appends `bytes` and maps them read-only; returns the offset in the file and the mapped
    /// bytes, or `nil` if writing or mapping failed (the caller keeps them in memory then).
    func store(_ bytes: UnsafeRawBufferPointer) -> (offset: Int, mapped: UnsafeRawBufferPointer)? {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return nil }
        let offset = end.withLock { end -> Int? in
            let start = (end + Self.pageSize - 1) / Self.pageSize * Self.pageSize
            var written = 0
            while written < bytes.count {
                let count = pwrite(
                    descriptor, source + written, bytes.count - written, off_t(start + written))
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { return nil }
                written += count
            }
            end = start + bytes.count
            return start
        }
        guard let offset else { return nil }
        guard let mapping = mmap(nil, bytes.count, PROT_READ, MAP_SHARED, descriptor, off_t(offset)),
            mapping != MAP_FAILED
        else {
            release(offset: offset, count: bytes.count, mapped: nil)
            return nil
        }
        return (offset, UnsafeRawBufferPointer(start: mapping, count: bytes.count))
    }

    /// Unmaps a body and frees its pages.
    func release(offset: Int, count: Int, mapped: UnsafeRawBufferPointer?) {
        if let base = mapped?.baseAddress {
            munmap(UnsafeMutableRawPointer(mutating: base), count)
        }
        let length = (count + Self.pageSize - 1) / Self.pageSize * Self.pageSize
        _ = cepoll_punch_hole(descriptor, off_t(offset), off_t(length))
    }
}
