//! Valid MiiTel "Update multiple users" files of any size, for benchmarks and tests: the
//! 24 template columns, Japanese and English names, unique Login IDs and Extension
//! numbers, every enum cell a valid code. The same seed always gives the same file.

/// The bundled sample, opened when no file is given: the MiiTel template with typical
/// mistakes.
pub const SAMPLE_CSV: &[u8] = include_bytes!("../assets/sample-miitel-update-users.csv");
/// The name the window gives [`SAMPLE_CSV`] (title bar, save dialog); with no path
/// behind it, the recovery journal recognises the sample by this name.
pub const SAMPLE_NAME: &str = "sample-miitel-update-users.csv";

/// The template's headers, in template order, from the built-in schema (one source of truth).
fn header() -> String {
    crate::schema::builtin(crate::schema::MIITEL_UPDATE_USERS)
        .map(|s| {
            s.columns
                .iter()
                .map(|c| c.name.as_str())
                .collect::<Vec<_>>()
                .join(",")
        })
        .unwrap_or_default()
}

/// How many codes each column after Time zone accepts (yes/no = 2, scope = 3).
const CODES_AFTER_TIME_ZONE: [u64; 19] = [2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 2, 2, 2, 2];

const TIME_ZONES: u64 = 14;

/// (kanji, romaji) pairs; every kanji here is in Shift_JIS.
const JA_FAMILY: [(&str, &str); 12] = [
    ("佐藤", "sato"),
    ("鈴木", "suzuki"),
    ("高橋", "takahashi"),
    ("田中", "tanaka"),
    ("伊藤", "ito"),
    ("渡辺", "watanabe"),
    ("山本", "yamamoto"),
    ("中村", "nakamura"),
    ("小林", "kobayashi"),
    ("加藤", "kato"),
    ("吉田", "yoshida"),
    ("山田", "yamada"),
];
const JA_GIVEN: [(&str, &str); 12] = [
    ("太郎", "taro"),
    ("花子", "hanako"),
    ("健太", "kenta"),
    ("美咲", "misaki"),
    ("翔太", "shota"),
    ("陽菜", "hina"),
    ("大輔", "daisuke"),
    ("さくら", "sakura"),
    ("拓也", "takuya"),
    ("結衣", "yui"),
    ("蓮", "ren"),
    ("葵", "aoi"),
];
const EN_GIVEN: [&str; 10] = [
    "Emma", "Liam", "Olivia", "Noah", "Ava", "James", "Sophia", "Lucas", "Mia", "Ethan",
];
const EN_FAMILY: [&str; 10] = [
    "Smith", "Johnson", "Brown", "Garcia", "Miller", "Davis", "Wilson", "Moore", "Clark", "Lee",
];
const DOMAINS: [&str; 4] = [
    "example.com",
    "example.co.jp",
    "corp.example.jp",
    "example.org",
];

/// A small, fast, well-mixed generator (SplitMix64): no dependency, same output everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> Option<T> {
        items.get(self.below(items.len() as u64) as usize).copied()
    }
}

/// Digits of the Extension numbers: enough for `n` distinct values, 3 to 6.
fn extension_digits(n: usize) -> u32 {
    let mut digits = 3;
    while digits < 6 && 10usize.pow(digits) < n {
        digits += 1;
    }
    digits
}

/// A permutation of 0..10^digits (multiplying by a number coprime to 10 is one), so the
/// first 10^digits rows get distinct numbers that do not simply count up. Past 1,000,000
/// rows the numbers repeat, and the check reports the repeats as duplicates.
fn extension(i: usize, digits: u32, offset: u64) -> String {
    let space = 10u64.pow(digits);
    let v = (i as u64 % space * 7_919 + offset) % space;
    format!("{v:0width$}", width = digits as usize)
}

/// An N-row MiiTel file (CRLF line endings, header first) with every column filled as a
/// tenant with all subscriptions would fill it.
pub fn miitel_csv(n: usize, seed: u64) -> String {
    let mut rng = Rng(seed);
    let digits = extension_digits(n);
    let offset = rng.below(10u64.pow(digits));
    let mut out = String::with_capacity(90 * (n + 1) + 1_000);
    out.push_str(&header());
    out.push_str("\r\n");
    for i in 0..n {
        push_row(&mut out, &mut rng, i, digits, offset);
    }
    out
}

fn push_row(out: &mut String, rng: &mut Rng, i: usize, digits: u32, offset: u64) {
    let japanese = rng.below(3) != 0;
    let (name, local) = if japanese {
        let (fk, fr) = rng.pick(&JA_FAMILY).unwrap_or(("山田", "yamada"));
        let (gk, gr) = rng.pick(&JA_GIVEN).unwrap_or(("太郎", "taro"));
        (format!("{fk} {gk}"), format!("{gr}.{fr}"))
    } else {
        let g = rng.pick(&EN_GIVEN).unwrap_or("Emma");
        let f = rng.pick(&EN_FAMILY).unwrap_or("Smith");
        (
            format!("{g} {f}"),
            format!("{}.{}", g, f).to_ascii_lowercase(),
        )
    };
    let domain = rng.pick(&DOMAINS).unwrap_or("example.com");
    // The row number makes the Login ID unique whatever names the dice give.
    out.push_str(&format!("{local}{i}@{domain},{name},"));
    out.push_str(&extension(i, digits, offset));
    let locale = if japanese { 0 } else { 1 };
    let time_zone = if japanese && rng.below(4) != 0 {
        0
    } else {
        rng.below(TIME_ZONES)
    };
    out.push_str(&format!(",{locale},{time_zone}"));
    for codes in CODES_AFTER_TIME_ZONE {
        out.push(',');
        out.push(char::from(b'0' + rng.below(codes) as u8));
    }
    out.push_str("\r\n");
}

/// The same text in Shift_JIS (Windows-31J), as Excel on a Japanese Windows saves it.
pub fn to_shift_jis(text: &str) -> Vec<u8> {
    encoding_rs::SHIFT_JIS.encode(text).0.into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extensions_are_distinct_within_their_space() {
        for (n, digits) in [(10, 3), (1_000, 3), (1_001, 4), (1_000_000, 6)] {
            assert_eq!(extension_digits(n), digits);
        }
        let mut seen: Vec<String> = (0..1_000).map(|i| extension(i, 3, 17)).collect();
        seen.sort();
        seen.dedup();
        assert_eq!(seen.len(), 1_000);
    }

    #[test]
    fn same_seed_same_file() {
        assert_eq!(miitel_csv(50, 7), miitel_csv(50, 7));
        assert_ne!(miitel_csv(50, 7), miitel_csv(50, 8));
        let text = miitel_csv(3, 1);
        assert_eq!(text.matches("\r\n").count(), 4);
        assert!(text.lines().all(|l| l.split(',').count() == 24));
    }
}
