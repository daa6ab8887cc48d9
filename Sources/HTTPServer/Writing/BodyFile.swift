import CEpoll
import Glibc
import Synchronization

/// One file in memory (a memfd) holding a server's wire images (``WireImages``), so a
/// connection hands a whole response to the kernel with `sendfile` instead of copying it.
///
/// `sendmsg` from user memory copies every byte into socket buffers; `sendfile` from a file
/// attaches the file's pages to the outgoing packets instead (what nginx does for static
/// files). For a 65 KB body that copy was a quarter of the server's CPU time.
///
/// The file only grows: each image is appended at a page boundary and never written again;
/// the file is sealed against shrinking, so an offset stays valid for as long as the file is
/// open. When an image is released its pages are freed with a hole punch; a `sendfile` still
/// in flight keeps its own references to the pages.
///
/// Owned by one ``Server`` (made in ``Server/start()``, handed to its event loops) and kept
/// open by every ``FileStretch`` in it, so it closes once the server and the last image are
/// gone. Where memfd is unavailable (an old kernel, a seccomp profile) ``make()`` returns
/// `nil` and responses go out with `sendmsg` only.
final class BodyFile: Sendable {
    /// The memfd.
    let descriptor: Int32
    /// The end of the last stretch written (the next one starts at the following page).
    private let end = Mutex<Int>(0)
    private static let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))

    /// A new, empty body file, or `nil` when the system cannot make one.
    static func make() -> BodyFile? {
        let descriptor = cepoll_memfd_create("dossier-server-bodies")
        guard descriptor >= 0 else { return nil }
        guard cepoll_seal_against_shrinking(descriptor) == 0 else {
            close(descriptor)
            return nil
        }
        return BodyFile(descriptor: descriptor)
    }

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    deinit {
        close(descriptor)
    }

    /// Appends `bytes`; returns their stretch of the file, or `nil` if writing failed (the
    /// caller sends them from memory then).
    func store(_ bytes: UnsafeRawBufferPointer) -> FileStretch? {
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
        return FileStretch(file: self, offset: offset, count: bytes.count)
    }

    /// Frees the pages of a stretch.
    fileprivate func release(offset: Int, count: Int) {
        let length = (count + Self.pageSize - 1) / Self.pageSize * Self.pageSize
        _ = cepoll_punch_hole(descriptor, off_t(offset), off_t(length))
    }
}

/// Bytes written once into a ``BodyFile``, sent with `sendfile`; their pages are freed when
/// the last reference goes (a connection still sending them holds one).
final class FileStretch: Sendable {
    /// The file, kept open while the stretch exists.
    let file: BodyFile
    /// Where the bytes start in the file (page-aligned).
    let offset: Int
    /// How many bytes.
    let count: Int

    fileprivate init(file: BodyFile, offset: Int, count: Int) {
        self.file = file
        self.offset = offset
        self.count = count
    }

    deinit {
        file.release(offset: offset, count: count)
    }
}
