fn main() {
    let cases: Vec<&[u8]> = vec![b"\n\"\"\na\na", b"a\n\xEF\xBB\xBF", b",\"\"\n\xEF\xBB\xBF"];
    for bytes in cases {
        let one = bulksheet::io::read_bytes(bytes, None).unwrap();
        let halves = bulksheet::io::read_bytes_in_halves(bytes, None).unwrap();
        println!("INPUT {:?}\nONE {}\nHALVES {}", String::from_utf8_lossy(bytes), one.describe(), halves.describe());
        for (way, doc) in [("one", &one), ("halves", &halves)] {
            let out = bulksheet::io::encode_rows(doc, 0..doc.rows(), &bulksheet::io::WriteOptions::like(doc));
            println!("{way} -> {:?}", out.map(|b| String::from_utf8_lossy(&b).into_owned()));
        }
    }
}
