//! Shorter import names for the release wasm and its JS glue.
//!
//! wasm-bindgen names every function the wasm imports from its glue
//! `__wbg_<name>_<16 hex digits>` (205 of them today) from a module named
//! after the glue file, and the glue defines each under that name: random hex
//! that gzip cannot shrink, paid twice by every reader. The post-build hook
//! renames them `a`, `b`, … `ab`, … and the module `w`, in the wasm's import
//! section and in the glue (where each name must be found exactly once, as a
//! whole word, or the build stops): 5.8 KB gzip less for the default view.
//! Nothing else in either file changes.

/// Reads an unsigned LEB128 number at `*at`, moving past it.
fn read_leb(bytes: &[u8], at: &mut usize) -> Result<u32, String> {
    let mut value: u64 = 0;
    for shift in (0..35).step_by(7) {
        let byte = *bytes.get(*at).ok_or("wasm: a number runs past the end")?;
        *at += 1;
        value |= u64::from(byte & 0x7f) << shift;
        if byte & 0x80 == 0 {
            return u32::try_from(value).map_err(|_| "wasm: a number is too large".to_string());
        }
    }
    Err("wasm: a number is too long".into())
}

fn write_leb(out: &mut Vec<u8>, mut value: u32) {
    loop {
        let byte = (value & 0x7f) as u8;
        value >>= 7;
        if value == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

fn slice<'a>(bytes: &'a [u8], at: &mut usize, len: usize) -> Result<&'a [u8], String> {
    let end = at
        .checked_add(len)
        .filter(|&e| e <= bytes.len())
        .ok_or("wasm: a section runs past the end")?;
    let s = bytes.get(*at..end).ok_or("wasm: bad slice")?;
    *at = end;
    Ok(s)
}

fn name<'a>(bytes: &'a [u8], at: &mut usize) -> Result<&'a str, String> {
    let len = read_leb(bytes, at)? as usize;
    std::str::from_utf8(slice(bytes, at, len)?).map_err(|_| "wasm: a name is not UTF-8".into())
}

/// The `n`th short name: a … z, A … Z, aa, ab, …
pub fn short_name(mut n: usize) -> String {
    const LETTERS: &[u8; 52] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    let mut out = Vec::new();
    loop {
        out.push(LETTERS[n % 52]);
        n /= 52;
        if n == 0 {
            break;
        }
        n -= 1;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// The import section's entries rewritten with short names: (new section
/// body, the old module name, old field names in order).
fn rename_section(body: &[u8]) -> Result<(Vec<u8>, String, Vec<String>), String> {
    let mut at = 0;
    let count = read_leb(body, &mut at)?;
    let mut out = Vec::with_capacity(body.len());
    write_leb(&mut out, count);
    let mut module_name: Option<String> = None;
    let mut fields = Vec::new();
    for _ in 0..count {
        let module = name(body, &mut at)?.to_owned();
        match &module_name {
            None => module_name = Some(module),
            Some(m) if *m == module => {}
            Some(m) => {
                return Err(format!(
                    "wasm: imports from two modules, {m:?} and {module:?}"
                ))
            }
        }
        let field = name(body, &mut at)?.to_owned();
        // The import's kind and type, copied as they are.
        let start = at;
        let kind = *body.get(at).ok_or("wasm: an import has no kind")?;
        at += 1;
        match kind {
            0 => {
                read_leb(body, &mut at)?;
            }
            1 => {
                at += 1; // reference type
                let flags = read_leb(body, &mut at)?;
                read_leb(body, &mut at)?;
                if flags & 1 == 1 {
                    read_leb(body, &mut at)?;
                }
            }
            2 => {
                let flags = read_leb(body, &mut at)?;
                read_leb(body, &mut at)?;
                if flags & 1 == 1 {
                    read_leb(body, &mut at)?;
                }
            }
            3 => at += 2,
            other => return Err(format!("wasm: import kind {other} is not known here")),
        }
        let descriptor = body
            .get(start..at)
            .ok_or("wasm: an import runs past the end")?;
        let new = short_name(fields.len());
        write_leb(&mut out, 1);
        out.push(b'w');
        write_leb(&mut out, new.len() as u32);
        out.extend_from_slice(new.as_bytes());
        out.extend_from_slice(descriptor);
        fields.push(field);
    }
    if at != body.len() {
        return Err("wasm: the import section has bytes after its entries".into());
    }
    Ok((out, module_name.unwrap_or_default(), fields))
}

/// Where `word` stands in `text` as a whole identifier (not inside a longer one).
fn whole_word(text: &str, word: &str) -> Vec<usize> {
    let ident = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '$';
    text.match_indices(word)
        .map(|(i, _)| i)
        .filter(|&i| {
            let before = text.get(..i).and_then(|s| s.chars().next_back());
            let after = text.get(i + word.len()..).and_then(|s| s.chars().next());
            !before.is_some_and(ident) && !after.is_some_and(ident)
        })
        .collect()
}

/// The wasm with short import names, and the glue that provides them under
/// those names. Errors (and changes nothing) when the wasm has no import
/// section or the glue does not name each import and the module exactly once.
pub fn shorten(wasm: &[u8], glue: &str) -> Result<(Vec<u8>, String), String> {
    if wasm.get(..8) != Some(b"\0asm\x01\0\0\0".as_slice()) {
        return Err("wasm: not a version 1 module".into());
    }
    let mut out = wasm.get(..8).unwrap_or_default().to_vec();
    let mut at = 8;
    let mut renamed = None;
    while at < wasm.len() {
        let id = *wasm.get(at).ok_or("wasm: truncated")?;
        let start = at;
        at += 1;
        let len = read_leb(wasm, &mut at)? as usize;
        let body = slice(wasm, &mut at, len)?;
        if id == 2 && renamed.is_none() {
            let (section, module, fields) = rename_section(body)?;
            out.push(2);
            write_leb(&mut out, section.len() as u32);
            out.extend_from_slice(&section);
            renamed = Some((module, fields));
        } else {
            out.extend_from_slice(wasm.get(start..at).ok_or("wasm: bad section")?);
        }
    }
    let (module, fields) = renamed.ok_or("wasm: no import section")?;
    let mut glue = glue.to_owned();
    // Longest first, so no name is found inside a longer one that is still to go.
    let mut order: Vec<usize> = (0..fields.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(fields.get(i).map_or(0, String::len)));
    for i in order {
        let field = fields.get(i).ok_or("imports: bad index")?;
        let found = whole_word(&glue, field);
        let [at] = found[..] else {
            return Err(format!(
                "glue: the import {field} is named {} times, expected once",
                found.len()
            ));
        };
        glue.replace_range(at..at + field.len(), &short_name(i));
    }
    let mut quoted = None;
    for q in ['"', '\''] {
        let text = format!("{q}{module}{q}");
        match glue.matches(&text).count() {
            0 => {}
            1 if quoted.is_none() => quoted = Some(text),
            _ => {
                return Err(format!(
                    "glue: the module {module:?} is named more than once"
                ))
            }
        }
    }
    let quoted = quoted.ok_or(format!("glue: the module {module:?} is not named"))?;
    glue = glue.replacen(&quoted, "\"w\"", 1);
    Ok((out, glue))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A module importing functions of type 0 named (module, field), with a
    /// type section before the imports and a custom section after them.
    fn module_of(imports: &[(&str, &str)]) -> Vec<u8> {
        let mut m = b"\0asm\x01\0\0\0".to_vec();
        // Type section: one type, () -> ().
        m.extend_from_slice(&[1, 4, 1, 0x60, 0, 0]);
        let mut body = Vec::new();
        write_leb(&mut body, imports.len() as u32);
        for (module, field) in imports {
            write_leb(&mut body, module.len() as u32);
            body.extend_from_slice(module.as_bytes());
            write_leb(&mut body, field.len() as u32);
            body.extend_from_slice(field.as_bytes());
            body.extend_from_slice(&[0, 0]);
        }
        m.push(2);
        write_leb(&mut m, body.len() as u32);
        m.extend_from_slice(&body);
        m.extend_from_slice(&[0, 4, 1, b'x', 7, 7]);
        m
    }

    fn module(module: &str, fields: &[&str]) -> Vec<u8> {
        module_of(&fields.iter().map(|f| (module, *f)).collect::<Vec<_>>())
    }

    #[test]
    fn short_names_count_in_letters() {
        let names: Vec<String> = [0, 1, 25, 26, 51, 52, 53, 52 + 52 * 52]
            .into_iter()
            .map(short_name)
            .collect();
        assert_eq!(names, ["a", "b", "z", "A", "Z", "aa", "ab", "aaa"]);
        let all: std::collections::BTreeSet<String> = (0..3000).map(short_name).collect();
        assert_eq!(all.len(), 3000);
    }

    #[test]
    fn imports_are_renamed_in_the_wasm_and_the_glue_alike() {
        let wasm = module(
            "./g_bg.js",
            &["__wbg_f_0123", "__wbg_f_0123456", "__wbindgen_x"],
        );
        let glue = concat!(
            "const o={__wbg_f_0123456:function(){},__wbg_f_0123:function(){},",
            "__wbindgen_x:1};x.__wbg_f_0123_other();return{__proto__:null,\"./g_bg.js\":o}"
        );
        let (new_wasm, new_glue) = shorten(&wasm, glue).unwrap();
        assert_eq!(new_wasm, module("w", &["a", "b", "c"]));
        assert_eq!(
            new_glue,
            "const o={b:function(){},a:function(){},c:1};x.__wbg_f_0123_other();return{__proto__:null,\"w\":o}"
        );
        // The sections around it are the same bytes.
        assert!(new_wasm.ends_with(&[0, 4, 1, b'x', 7, 7]));
        assert!(new_wasm.len() < wasm.len());
    }

    #[test]
    fn a_glue_that_does_not_match_stops_the_build() {
        let wasm = module("./g_bg.js", &["__wbg_f_01", "__wbg_g_02"]);
        let ok = "{__wbg_f_01:1,__wbg_g_02:2};({'./g_bg.js':o})";
        assert!(shorten(&wasm, ok).is_ok());
        // An import the glue does not define, or defines twice.
        assert!(shorten(&wasm, "{__wbg_f_01:1};({'./g_bg.js':o})").is_err());
        assert!(shorten(
            &wasm,
            "{__wbg_f_01:1,__wbg_g_02:2,__wbg_g_02:3};({'./g_bg.js':o})"
        )
        .is_err());
        // The module not named, or named twice.
        assert!(shorten(&wasm, "{__wbg_f_01:1,__wbg_g_02:2}").is_err());
        assert!(shorten(
            &wasm,
            "{__wbg_f_01:1,__wbg_g_02:2};'./g_bg.js';\"./g_bg.js\""
        )
        .is_err());
        // Not a wasm module, one with no imports, imports from two modules.
        assert!(shorten(b"\0asm\x02\0\0\0", ok).is_err());
        assert!(shorten(b"\0asm\x01\0\0\0", ok).is_err());
        let two = module_of(&[("./g_bg.js", "__wbg_f_01"), ("./h.js", "__wbg_g_02")]);
        assert!(shorten(&two, ok).is_err());
    }
}
