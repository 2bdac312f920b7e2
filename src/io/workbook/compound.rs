//! The directory of an `.xls` workbook (a compound file): the size each stream declares.
//! calamine copies a stream by following its sector chain until it holds the declared size;
//! a chain that loops back on itself goes on copying the same sectors, so a declared size
//! past the file's own asks for that much memory (found by the workbook fuzz target: a
//! 2 GiB allocation from a 10 KB file). Walking the directory here, with every chain
//! bounded by the file's sector count, tells such a size before calamine sees it.

/// Sector ids at and above this mark free, end-of-chain and table sectors.
const LAST_SECTOR_ID: u32 = 0xFFFF_FFFA;
/// The id marking a DIFAT sector (and the first calamine skips when reading the FAT).
const DIFAT_SECTOR: u32 = 0xFFFF_FFFC;
/// The id ending a chain.
const END_OF_CHAIN: u32 = 0xFFFF_FFFE;
/// Entries of the FAT kept in the header itself.
const HEADER_DIFAT: usize = 109;
/// Bytes of one directory entry.
const ENTRY: usize = 128;
/// Bytes of one mini sector, as calamine reads them.
const MINI_SECTOR: usize = 64;
/// A stream smaller than this lives in the mini stream, for calamine.
const MINI_CUTOFF: usize = 4096;

/// A compound file, its DIFAT and FAT gathered once as calamine gathers them.
pub(super) struct Compound<'a> {
    bytes: &'a [u8],
    shift: u16,
    /// The file allocation table (empty when the DIFAT loops).
    fat: Vec<u32>,
    /// The DIFAT's chain comes back to a sector it went through.
    difat_loops: bool,
}

/// A chain's sectors, each at most once, and whether it came back to one it went through.
struct Chain<'a> {
    sectors: Vec<&'a [u8]>,
    looped: bool,
}

impl<'a> Compound<'a> {
    /// The file, where its sector size is one calamine reads (None: calamine refuses it
    /// on its own).
    pub(super) fn open(bytes: &'a [u8]) -> Option<Self> {
        let shift = u16::from_le_bytes(bytes.get(30..32)?.try_into().ok()?);
        if !(7..=16).contains(&shift) {
            return None;
        }
        let mut file = Compound {
            bytes,
            shift,
            fat: Vec::new(),
            difat_loops: false,
        };
        match file.difat() {
            Some(difat) => file.fat = file.fat_of(&difat),
            None => file.difat_loops = true,
        }
        Some(file)
    }

    /// A chain calamine follows with no end but the chain's own that loops back on
    /// itself (calamine would go round it for ever, its table growing until memory runs
    /// out): the DIFAT's (calamine takes each sector's last entry as the next) or the
    /// directory's.
    pub(super) fn looping_chain(&self) -> Option<&'static str> {
        if self.difat_loops {
            return Some("DIFAT");
        }
        self.walk(self.u32_at(48)).looped.then_some("directory")
    }

    /// The largest size any entry of the directory declares: every entry, whatever its
    /// type (calamine reads the first entry's size as the mini stream's, and unused
    /// entries are zeros).
    pub(super) fn largest_stream(&self) -> u64 {
        self.entries()
            .map(|e| self.entry_size(e))
            .max()
            .unwrap_or(0)
    }

    /// The bytes of the first stream named one of `names` (`Workbook`, `Book`), as
    /// calamine reads it: from the mini stream when smaller than the cutoff, else from the
    /// sectors; at most its declared size, which [`Compound::largest_stream`] bounds by the
    /// file's. None when there is no such stream.
    pub(super) fn stream(&self, names: &[&str]) -> Option<Vec<u8>> {
        // The first entry of that name, whatever its type, as calamine finds it.
        let entry = self
            .entries()
            .find(|e| names.iter().any(|n| entry_name(e) == *n))?;
        let size = usize::try_from(self.entry_size(entry))
            .ok()?
            .min(self.bytes.len());
        let start = u32::from_le_bytes(entry.get(116..120)?.try_into().ok()?);
        // calamine's cutoff between the mini stream and the sectors is fixed, whatever
        // the header says.
        let mut data: Vec<u8> = if size < MINI_CUTOFF {
            self.mini_chain(start)
        } else {
            self.walk(start).sectors.concat()
        };
        data.truncate(size);
        Some(data)
    }

    fn sector_size(&self) -> usize {
        1 << self.shift
    }

    fn sectors(&self) -> usize {
        self.bytes.len() / self.sector_size()
    }

    fn u32_at(&self, at: usize) -> u32 {
        self.bytes
            .get(at..at + 4)
            .and_then(|b| b.try_into().ok())
            .map_or(u32::MAX, u32::from_le_bytes)
    }

    /// Sector `id` (the header is the sector before sector 0), as calamine reads it: any
    /// id up to the file's length over the sector size, a sector the file's end cuts
    /// read as far as it goes (perhaps not at all).
    fn sector(&self, id: u32) -> Option<&'a [u8]> {
        if id as usize > self.sectors() {
            return None;
        }
        let size = self.sector_size();
        let start = (id as usize + 1).saturating_mul(size).min(self.bytes.len());
        let end = start.saturating_add(size).min(self.bytes.len());
        self.bytes.get(start..end)
    }

    /// A directory entry's size: eight bytes, of which a 512-byte-sector file (version 3)
    /// uses the low four.
    fn entry_size(&self, entry: &[u8]) -> u64 {
        let size = entry
            .get(120..128)
            .and_then(|b| b.try_into().ok())
            .map_or(0, u64::from_le_bytes);
        if self.shift == 9 {
            size & 0xFFFF_FFFF
        } else {
            size
        }
    }

    /// The DIFAT as calamine gathers it: the header's 109 entries, then each DIFAT
    /// sector's entries, the last of them taken off as the next sector. None when the
    /// chain comes back to a sector it went through.
    fn difat(&self) -> Option<Vec<u32>> {
        let mut difat: Vec<u32> = (0..HEADER_DIFAT).map(|i| self.u32_at(76 + 4 * i)).collect();
        let mut seen = vec![false; self.sectors() + 2];
        let mut id = self.u32_at(68);
        while id < LAST_SECTOR_ID {
            let Some(sector) = self.sector(id) else {
                // Past the end: calamine stops there with an error of its own.
                break;
            };
            if !unseen(&mut seen, id) {
                return None;
            }
            difat.extend(words(sector));
            id = difat.pop().unwrap_or(u32::MAX);
        }
        Some(difat)
    }

    /// The file allocation table: the sectors the DIFAT names, read as calamine reads
    /// them.
    fn fat_of(&self, difat: &[u32]) -> Vec<u32> {
        difat
            .iter()
            .filter(|&&id| id < DIFAT_SECTOR)
            .filter_map(|&id| self.sector(id))
            .flat_map(words)
            .collect()
    }

    /// Every directory entry, in the directory's sectors.
    fn entries(&self) -> impl Iterator<Item = &'a [u8]> + use<'a> {
        self.walk(self.u32_at(48))
            .sectors
            .into_iter()
            .flat_map(|sector| sector.chunks_exact(ENTRY))
    }

    /// The mini stream's bytes from mini sector `first` on, as calamine reads them: the
    /// mini stream is the first directory entry's chain (whatever its type), at most its
    /// declared size, in 64-byte mini sectors; the mini FAT is the chain the header names.
    fn mini_chain(&self, first: u32) -> Vec<u8> {
        let Some(root) = self.entries().next() else {
            return Vec::new();
        };
        let start = root
            .get(116..120)
            .and_then(|b| b.try_into().ok())
            .map_or(u32::MAX, u32::from_le_bytes);
        let mut container = self.walk(start).sectors.concat();
        container.truncate(usize::try_from(self.entry_size(root)).unwrap_or(usize::MAX));
        let mini_fat: Vec<u32> = self
            .walk(self.u32_at(60))
            .sectors
            .into_iter()
            .flat_map(words)
            .collect();
        let mut seen = vec![false; container.len() / MINI_SECTOR + 1];
        let mut out = Vec::new();
        let mut id = first;
        while let Some(at) = (id as usize).checked_mul(MINI_SECTOR) {
            let Some(piece) = container.get(at..at + MINI_SECTOR) else {
                break;
            };
            if !unseen(&mut seen, id) {
                break;
            }
            out.extend_from_slice(piece);
            id = mini_fat.get(id as usize).copied().unwrap_or(u32::MAX);
        }
        out
    }

    /// The chain starting at `first`, through the FAT: each sector at most once, until
    /// its end, a sector past the file, or one it went through already (`looped`).
    fn walk(&self, first: u32) -> Chain<'a> {
        let mut seen = vec![false; self.sectors() + 2];
        let mut chain = Chain {
            sectors: Vec::new(),
            looped: false,
        };
        let mut id = first;
        while id != END_OF_CHAIN
            && let Some(sector) = self.sector(id)
        {
            if !unseen(&mut seen, id) {
                chain.looped = true;
                break;
            }
            chain.sectors.push(sector);
            id = self.fat.get(id as usize).copied().unwrap_or(END_OF_CHAIN);
        }
        chain
    }
}

/// A directory entry's name as calamine reads it: its 64 bytes as UTF-16, up to the
/// first NUL.
fn entry_name(entry: &[u8]) -> String {
    let units: Vec<u16> = entry
        .get(..64)
        .unwrap_or_default()
        .chunks_exact(2)
        .map(|b| b.try_into().map_or(0, u16::from_le_bytes))
        .take_while(|&u| u != 0)
        .collect();
    String::from_utf16_lossy(&units)
}

/// A sector's bytes as little-endian four-byte words (a cut-off tail left out).
fn words(sector: &[u8]) -> impl Iterator<Item = u32> + '_ {
    sector
        .chunks_exact(4)
        .map(|b| b.try_into().map_or(u32::MAX, u32::from_le_bytes))
}

/// Marks sector `id` seen; false when it was already (a chain looping back) or is past
/// the file.
fn unseen(seen: &mut [bool], id: u32) -> bool {
    match seen.get_mut(id as usize) {
        Some(s) if !*s => {
            *s = true;
            true
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn largest_stream(bytes: &[u8]) -> u64 {
        Compound::open(bytes).map_or(0, |f| f.largest_stream())
    }

    fn looping_chain(bytes: &[u8]) -> Option<&'static str> {
        Compound::open(bytes)?.looping_chain()
    }

    /// A version-3 compound file: header, one FAT sector (sector 0), one directory sector
    /// (sector 1) whose root entry declares `size`.
    fn compound(size: u32) -> Vec<u8> {
        let mut b = vec![0u8; 512 * 3];
        b[..8].copy_from_slice(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);
        b[30..32].copy_from_slice(&9u16.to_le_bytes());
        b[44..48].copy_from_slice(&1u32.to_le_bytes());
        b[48..52].copy_from_slice(&1u32.to_le_bytes());
        b[68..72].copy_from_slice(&0xFFFF_FFFEu32.to_le_bytes());
        for i in 0..HEADER_DIFAT {
            b[76 + 4 * i..80 + 4 * i].copy_from_slice(&0xFFFF_FFFFu32.to_le_bytes());
        }
        b[76..80].copy_from_slice(&0u32.to_le_bytes());
        // FAT: sector 0 is the FAT, sector 1 ends the directory's chain, looping back to
        // itself would be caught too.
        let fat = 512;
        b[fat..fat + 4].copy_from_slice(&0xFFFF_FFFDu32.to_le_bytes());
        b[fat + 4..fat + 8].copy_from_slice(&1u32.to_le_bytes());
        let dir = 1024;
        b[dir + 66] = 5;
        b[dir + 120..dir + 124].copy_from_slice(&size.to_le_bytes());
        b
    }

    #[test]
    fn a_declared_size_is_read_and_a_looping_chain_ends() {
        assert_eq!(largest_stream(&compound(4096)), 4096);
        assert_eq!(largest_stream(&compound(u32::MAX)), u64::from(u32::MAX));
        assert_eq!(largest_stream(b"not a compound file"), 0);
    }

    #[test]
    fn a_directory_chain_looping_back_is_told() {
        // The builder's FAT sends the directory sector back to itself.
        assert_eq!(looping_chain(&compound(4096)), Some("directory"));
        let mut ended = compound(4096);
        ended[512 + 4..512 + 8].copy_from_slice(&0xFFFF_FFFEu32.to_le_bytes());
        assert_eq!(looping_chain(&ended), None);
        let real = std::fs::read("tests/data/workbooks/users.xls").unwrap();
        assert_eq!(looping_chain(&real), None);
    }
}
