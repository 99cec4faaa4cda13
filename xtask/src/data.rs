//! `check-data` and `schema`: both go through the root crate's model, so the
//! command line accepts, rejects and describes exactly what the widget does.

use std::fs;
use std::path::Path;

use funding_breakdown::i18n::Locale;
use funding_breakdown::model::load;
use funding_breakdown::model::{Dataset, Series, Text};

use crate::cmd::root;

/// Where the schema lives, next to the data files whose `$schema` points at it.
pub const SCHEMA_PATH: &str = "static/data/schema.json";
/// The schema of series files (a dataset per year).
pub const SERIES_SCHEMA_PATH: &str = "static/data/series.schema.json";

/// The bundled dataset, compiled into the wasm, and the series of years the
/// widget fetches beside it.
pub const BUNDLED_PATH: &str = "static/data/japan-iom-2021.json";
pub const SERIES_PATH: &str = "static/data/japan-iom-series.json";

/// The series' entry for the bundled dataset's year is that dataset: the
/// widget shows the one in its default view and the other in the Years view
/// (and for `year`), so a file changed without the other would tell two
/// stories under one title. The build checks it (`post-build`).
pub fn series_holds_bundled(series: &str, bundled: &str) -> Result<(), String> {
    let first = |problems: Vec<funding_breakdown::model::validate::Problem>, file: &str| {
        let said = problems
            .first()
            .map_or_else(String::new, ToString::to_string);
        format!("{file}: {said} (cargo xtask check-data {file})")
    };
    let mut ds = load::read_dataset(bundled).map_err(|p| first(p, BUNDLED_PATH))?;
    ds.schema = None;
    let series = load::read_series(series).map_err(|p| first(p, SERIES_PATH))?;
    let year = ds.contribution.operations_year;
    let fix = format!(
        "the Years view shows the series, so its {year} entry must be {BUNDLED_PATH} as it is \
         (without its \"$schema\"): copy the file's fields into it, or make a series of your own \
         years (README, \"Changing the data\")"
    );
    match series.year(year) {
        Some(entry) if *entry == ds => Ok(()),
        Some(_) => Err(format!(
            "{SERIES_PATH}: its {year} entry differs from {BUNDLED_PATH}; {fix}"
        )),
        None => Err(format!(
            "{SERIES_PATH} has no {year}, the year of {BUNDLED_PATH}; {fix}"
        )),
    }
}

/// Every problem in a data file's bytes, as `path: message`; empty when valid.
/// A syntax error is followed by the parser's own words ("trailing comma"),
/// which the widget leaves to the console.
pub fn check_bytes(bytes: &[u8]) -> Vec<String> {
    examine(bytes).err().unwrap_or_default()
}

/// A file's notes if it is valid (per dataset: a series' years prefixed with
/// their place), else its problems.
fn examine(bytes: &[u8]) -> Result<Vec<String>, Vec<String>> {
    Ok(read(bytes)?
        .iter()
        .flat_map(|(at, ds)| notes(ds).into_iter().map(move |n| format!("{at}{n}")))
        .collect())
}

/// A file's datasets (one, or a series' years with `years[i].` before their
/// paths), or its problems.
fn read(bytes: &[u8]) -> Result<Vec<(String, Dataset)>, Vec<String>> {
    let text = load::utf8(bytes).map_err(|p| vec![p.to_string()])?;
    let doc = load::parse(text).map_err(|p| {
        vec![match p.kind.parser_detail() {
            Some(detail) => format!("{p} (the parser says: {detail})"),
            None => p.to_string(),
        }]
    })?;
    // A series is recognised by its shape (`load::is_series`).
    let checked = if load::is_series(&doc) {
        load::series(&doc).map(|s: Series| {
            s.years
                .into_iter()
                .enumerate()
                .map(|(i, ds)| (format!("years[{i}]."), ds))
                .collect()
        })
    } else {
        load::dataset(&doc).map(|ds| vec![(String::new(), ds)])
    };
    checked.map_err(|problems| {
        load::located(text, problems)
            .iter()
            .map(ToString::to_string)
            .collect()
    })
}

/// Below this share a part's slice is a sliver on the donut (under 2 degrees).
const SLIVER: f64 = 0.005;

/// What a valid dataset's readers may not expect, which the widget shows as
/// it is and check-data points out: texts left in English in a language the
/// file gives for others (its readers see them in English), and regions too
/// small to see or tap on the chart (the legend and the table list them).
pub fn notes(ds: &Dataset) -> Vec<String> {
    let mut texts: Vec<(String, &Text)> = Vec::new();
    let c = &ds.contribution;
    texts.push(("contribution.donor".into(), &c.donor));
    texts.push(("contribution.recipient".into(), &c.recipient));
    texts.extend(
        c.recipient_short
            .iter()
            .map(|t| ("contribution.recipient_short".into(), t)),
    );
    texts.extend(
        c.total_note
            .iter()
            .map(|t| ("contribution.total_note".into(), t)),
    );
    let place = |list: &str, i: usize, field: &str| format!("{list}[{i}].{field}");
    // Regions and named regions: a name, countries, maybe a description.
    let regions = ds.regions.iter().enumerate().map(|(i, r)| {
        let at = format!("regions[{i}]");
        (at, &r.name, &r.countries, r.description.as_ref())
    });
    let named = ds.named_regions.iter().enumerate().map(|(i, r)| {
        let at = format!("named_regions[{i}]");
        (at, &r.name, &r.countries, r.description.as_ref())
    });
    for (at, name, countries, description) in regions.chain(named) {
        texts.push((format!("{at}.name"), name));
        for (j, t) in countries.iter().enumerate() {
            texts.push((format!("{at}.countries[{j}]"), t));
        }
        texts.extend(description.map(|t| (format!("{at}.description"), t)));
    }
    for (i, t) in ds.themes.iter().enumerate() {
        texts.push((place("themes", i, "name"), &t.name));
        texts.push((place("themes", i, "description"), &t.description));
    }
    for (i, b) in ds.beneficiaries.iter().enumerate() {
        texts.push((place("beneficiaries", i, "name"), &b.name));
    }
    let mut out = Vec::new();
    for locale in Locale::ALL.into_iter().filter(|l| *l != Locale::En) {
        let missing: Vec<&str> = texts
            .iter()
            .filter(|(_, t)| t.given(locale.tag()).is_none())
            .map(|(path, _)| path.as_str())
            .collect();
        // A file with no text at all in a language is English for its readers, by design.
        if missing.is_empty() || missing.len() == texts.len() {
            continue;
        }
        const SHOWN: usize = 6;
        let more = missing.len().saturating_sub(SHOWN);
        out.push(format!(
            "no \"{tag}\" text in {paths}{more}: {language} readers see {them} in English, beside the \"{tag}\" of the file's other texts",
            tag = locale.tag(),
            paths = missing[..missing.len().min(SHOWN)].join(", "),
            more = if more > 0 { format!(" and {more} more") } else { String::new() },
            language = english_name(locale),
            them = if missing.len() == 1 { "it" } else { "them" },
        ));
    }
    for (i, r) in ds.regions.iter().enumerate() {
        let share = r.share.map(|s| s.value).or_else(|| {
            r.amount
                .map(|a| a.value / c.total)
                .filter(|f| f.is_finite())
        });
        match share {
            Some(0.0) => out.push(format!(
                "regions[{i}]: 0 % of the total, so no slice on the chart (the legend and the table list it)"
            )),
            Some(f) if f < SLIVER => out.push(format!(
                "regions[{i}]: {:.1} % of the total, a slice too thin to see or tap on the chart (the legend and the table list it)",
                f * 100.0
            )),
            _ => {}
        }
    }
    out
}

fn english_name(locale: Locale) -> &'static str {
    match locale {
        Locale::En => "English",
        Locale::Fr => "French",
        Locale::Es => "Spanish",
        Locale::Ja => "Japanese",
    }
}

/// A data file's notes if it is valid, else its problems, including not
/// being able to read it.
fn examine_file(path: &Path) -> Result<Vec<String>, Vec<String>> {
    fs::read(path)
        .map_err(|e| vec![format!("cannot read the file ({e})")])
        .and_then(|bytes| examine(&bytes))
}

/// `cargo xtask check-data FILE…`: prints `FILE: ok` or one line per problem.
pub fn check_data(files: &[String]) -> Result<(), String> {
    if files.is_empty() {
        return Err("usage: cargo xtask check-data FILE...".into());
    }
    let mut bad = 0;
    for file in files {
        match examine_file(Path::new(file)) {
            Ok(notes) => {
                println!("{file}: ok");
                // Valid, so nothing is refused; the exit status stays 0.
                for note in notes {
                    println!("{file}: note: {note}");
                }
            }
            Err(problems) => {
                bad += 1;
                for p in problems {
                    println!("{file}: {p}");
                }
            }
        }
    }
    match bad {
        0 => Ok(()),
        n => Err(format!("{n} of {} files have problems", files.len())),
    }
}

/// The JSON Schema of a dataset, pretty-printed with a trailing newline.
pub fn schema_json() -> Result<String, String> {
    pretty(&schemars::schema_for!(Dataset))
}

/// The JSON Schema of a series file (it holds the dataset schema).
pub fn series_schema_json() -> Result<String, String> {
    pretty(&schemars::schema_for!(Series))
}

fn pretty(schema: &schemars::Schema) -> Result<String, String> {
    serde_json::to_string_pretty(schema)
        .map(|s| s + "\n")
        .map_err(|e| format!("cannot serialise the schema: {e}"))
}

/// Each schema file with what the code generates for it now.
fn schemas() -> Result<[(&'static str, String); 2], String> {
    Ok([
        (SCHEMA_PATH, schema_json()?),
        (SERIES_SCHEMA_PATH, series_schema_json()?),
    ])
}

/// Whether the committed schemas equal what the code generates now.
pub fn schema_is_fresh() -> Result<bool, String> {
    Ok(schemas()?.iter().all(|(path, want)| {
        // A missing file is simply stale.
        fs::read_to_string(root().join(path)).unwrap_or_default() == *want
    }))
}

pub const STALE: &str =
    "static/data/schema.json or series.schema.json is stale: run cargo xtask schema";

/// `cargo xtask schema [--check]`.
pub fn schema(check: bool) -> Result<(), String> {
    if check {
        return if schema_is_fresh()? {
            println!("{SCHEMA_PATH} and {SERIES_SCHEMA_PATH} are up to date");
            Ok(())
        } else {
            Err(STALE.into())
        };
    }
    for (name, text) in schemas()? {
        let path = root().join(name);
        fs::write(&path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        println!("wrote {name}");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use funding_breakdown::model::load::MAX_BYTES;

    const BUNDLED: &str = BUNDLED_PATH;

    /// Every problem in a data file; empty when valid.
    fn check_file(path: &Path) -> Vec<String> {
        examine_file(path).err().unwrap_or_default()
    }

    /// What a valid file's readers may not expect; empty for a file with problems.
    fn notes_of_bytes(bytes: &[u8]) -> Vec<String> {
        examine(bytes).unwrap_or_default()
    }
    const SERIES: &str = "static/data/japan-iom-series.json";

    #[test]
    fn the_series_file_passes_and_its_rules_are_checked() {
        assert_eq!(check_file(&root().join(SERIES)), Vec::<String>::new());
        let text = fs::read_to_string(root().join(SERIES)).unwrap();
        let json: serde_json::Value = serde_json::from_str(&text).unwrap();
        let check = |edit: &dyn Fn(&mut serde_json::Value)| {
            let mut j = json.clone();
            edit(&mut j);
            check_bytes(serde_json::to_string(&j).unwrap().as_bytes())
        };
        // Each year is checked by the dataset rules, under its own path.
        let problems =
            check(&|j| j["years"][0]["regions"][0]["share"]["value"] = serde_json::json!(1.4));
        assert!(
            problems[0].starts_with("years[0].regions[0].share.value: 1.4 would be 140%"),
            "{problems:?}"
        );
        let problems = check(&|j| {
            let first = j["years"][0].clone();
            j["years"].as_array_mut().unwrap().push(first);
        });
        assert!(problems.contains(&"years[7].contribution.operations_year: the year 2018 is in the series more than once".to_owned()), "{problems:?}");
        let problems = check(&|j| j["years"].as_array_mut().unwrap().swap(0, 1));
        assert_eq!(
            problems,
            ["years[1].contribution.operations_year: the years must be in ascending order"]
        );
        let problems =
            check(&|j| j["years"][1]["contribution"]["currency"] = serde_json::json!("EUR"));
        assert!(
            problems.iter().any(|p| p.starts_with(
                "years[1].contribution.currency: every year must be in the currency of the first"
            )),
            "{problems:?}"
        );
        assert_eq!(
            check(&|j| j["years"] = serde_json::json!([])),
            ["years: must not be empty"]
        );
        let problems =
            check(&|j| j["years"][0]["regions"][0]["share"]["value"] = serde_json::json!(0.4));
        // "Almost 40 %" is also too little for its amount, about USD 14 million of 30.5.
        assert_eq!(
            problems,
            [
                "years[0].regions[0].share.words: 0.4 has no words: only half, one third and two thirds are said in words (write them as 0.5, 0.333333 and 0.666667, or to fewer digits such as 0.33)",
                "years[0].regions[0].amount.value: the amount is 45.9% of the total, which does not agree with the stated share, almost 40%"
            ]
        );
        let problems = check(&|j| {
            j["years"][5]["named_regions"][0]["part_of"] = serde_json::json!("atlantis")
        });
        assert_eq!(
            problems,
            ["years[5].named_regions[0].part_of: no region has the id \"atlantis\""]
        );
        // A shape error is named with its path in the series.
        let problems =
            check(&|j| j["years"][2]["contribution"]["total"] = serde_json::json!("many"));
        assert!(
            problems[0].starts_with("years[2].contribution.total: expected a number"),
            "{problems:?}"
        );
    }

    #[test]
    fn committed_schema_is_fresh() {
        assert!(schema_is_fresh().unwrap(), "{STALE}");
    }

    /// An editor with only dist/ and a schema-aware editor sees the rules a
    /// schema can hold, not only the types: the widget's own checks stay
    /// the authority (ids unique, shares summing to at most 100 %).
    #[test]
    fn the_schema_states_the_rules_a_schema_can_hold() {
        let schema: serde_json::Value = serde_json::from_str(&schema_json().unwrap()).unwrap();
        let defs = &schema["$defs"];
        let at = |def: &str, field: &str| defs[def]["properties"][field].clone();
        assert_eq!(at("StatedShare", "value")["minimum"], 0);
        assert_eq!(at("StatedShare", "value")["maximum"], 1);
        assert_eq!(at("StatedAmount", "value")["minimum"], 0);
        assert_eq!(at("Contribution", "total")["exclusiveMinimum"], 0);
        assert_eq!(at("Contribution", "currency")["pattern"], "^[A-Za-z]{3}$");
        assert_eq!(at("Contribution", "operations_year")["minimum"], 1900);
        assert!(at("Contribution", "announced")["pattern"].is_string());
        assert_eq!(at("Source", "url")["pattern"], "^https?://");
        for def in ["Region", "Theme", "Beneficiary", "NamedRegion"] {
            assert!(at(def, "id")["pattern"].is_string(), "{def}");
        }
        assert!(schema["properties"]["id"]["pattern"].is_string());
    }

    /// The bundled dataset after `edit`, as bytes.
    fn bundled_with(edit: impl FnOnce(&mut serde_json::Value)) -> Vec<u8> {
        let mut doc: serde_json::Value =
            serde_json::from_str(include_str!("../../static/data/japan-iom-2021.json")).unwrap();
        edit(&mut doc);
        doc.to_string().into_bytes()
    }

    #[test]
    fn notes_name_texts_left_untranslated_and_slivers_not_whole_languages() {
        // The bundled files are translated throughout and have no sliver.
        assert_eq!(notes_of_bytes(&bundled_with(|_| {})), Vec::<String>::new());
        let series = include_bytes!("../../static/data/japan-iom-series.json");
        assert_eq!(notes_of_bytes(series), Vec::<String>::new());

        let notes = notes_of_bytes(&bundled_with(|d| {
            d["regions"][2]["name"]
                .as_object_mut()
                .unwrap()
                .remove("ja");
            d["regions"][0]["description"]["ja"] = " ".into();
            d["regions"][2]["share"]["value"] = 0.004.into();
        }));
        assert_eq!(
            notes,
            [
                "no \"ja\" text in regions[0].description, regions[2].name: Japanese readers \
                 see them in English, beside the \"ja\" of the file's other texts",
                "regions[2]: 0.4 % of the total, a slice too thin to see or tap on the chart \
                 (the legend and the table list it)",
            ]
        );
        // A problem is no note: the file is refused, and says why.
        let bad = bundled_with(|d| d["regions"][2]["share"]["value"] = 4.into());
        assert!(!check_bytes(&bad).is_empty());
        assert_eq!(notes_of_bytes(&bad), Vec::<String>::new());

        // A language the file never gives is English for its readers by design;
        // a share of 0 has no slice; long lists are cut.
        let notes = notes_of_bytes(&bundled_with(|d| {
            fn strip(v: &mut serde_json::Value, tag: &str) {
                match v {
                    serde_json::Value::Object(map) => {
                        if map.contains_key("en") {
                            map.remove(tag);
                        }
                        map.values_mut().for_each(|v| strip(v, tag));
                    }
                    serde_json::Value::Array(list) => list.iter_mut().for_each(|v| strip(v, tag)),
                    _ => {}
                }
            }
            strip(d, "fr");
            d["regions"][1]["share"]["value"] = 0.into();
            for list in ["regions", "themes"] {
                d[list]
                    .as_array_mut()
                    .unwrap()
                    .iter_mut()
                    .for_each(|t| drop(t["name"].as_object_mut().unwrap().remove("es")));
            }
        }));
        assert!(notes.iter().all(|n| !n.contains("\"fr\"")), "{notes:?}");
        assert!(
            notes.contains(
                &"no \"es\" text in regions[0].name, regions[1].name, regions[2].name, \
              themes[0].name, themes[1].name, themes[2].name and 2 more: Spanish readers see \
              them in English, beside the \"es\" of the file's other texts"
                    .to_string()
            ),
            "{notes:?}"
        );
        assert!(notes.contains(
            &"regions[1]: 0 % of the total, so no slice on the chart (the legend and the table list it)"
                .to_string()
        ));

        // In a series, each year's notes say which year.
        let mut doc: serde_json::Value = serde_json::from_slice(series).unwrap();
        doc["years"][1]["contribution"]["donor"]
            .as_object_mut()
            .unwrap()
            .remove("fr");
        let notes = notes_of_bytes(doc.to_string().as_bytes());
        assert_eq!(notes.len(), 1, "{notes:?}");
        assert!(
            notes[0].starts_with("years[1].no \"fr\" text in contribution.donor:"),
            "{notes:?}"
        );
    }

    #[test]
    fn bundled_data_passes() {
        assert_eq!(check_file(&root().join(BUNDLED)), Vec::<String>::new());
    }

    #[test]
    fn share_above_one_is_named() {
        let text = fs::read_to_string(root().join(BUNDLED)).unwrap();
        let mut json: serde_json::Value = serde_json::from_str(&text).unwrap();
        json["regions"][0]["share"]["value"] = serde_json::json!(1.4);
        let tmp = std::env::temp_dir().join(format!("xtask-share-{}.json", std::process::id()));
        fs::write(&tmp, serde_json::to_string(&json).unwrap()).unwrap();
        let problems = check_file(&tmp);
        let _ = fs::remove_file(&tmp);
        assert!(
            problems.iter().any(|p| p.starts_with("regions[0].share")),
            "{problems:?}"
        );
    }

    #[test]
    fn unreadable_input_is_a_problem_not_a_panic() {
        assert_eq!(check_bytes(b"\xff\xfe{").len(), 1);
        assert!(!check_bytes(b"{").is_empty());
        let text = fs::read_to_string(root().join(BUNDLED)).unwrap();
        let trailing = format!("{text} x");
        assert!(check_bytes(trailing.as_bytes())
            .first()
            .is_some_and(|p| p.contains("trailing")));
        // A BOM, as some editors write, is accepted.
        let bom = format!("\u{feff}{text}");
        assert_eq!(check_bytes(bom.as_bytes()), Vec::<String>::new());
    }

    /// Data files in a corpus folder, sorted, without the sidecars and notes.
    fn corpus(folder: &str) -> Vec<std::path::PathBuf> {
        let dir = root().join("tests/data").join(folder);
        let mut files: Vec<_> = fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
            .map(|entry| entry.unwrap().path())
            .filter(|p| {
                !matches!(
                    p.extension().and_then(|e| e.to_str()),
                    Some("expect" | "md")
                )
            })
            .collect();
        files.sort();
        files
    }

    fn name(path: &Path) -> String {
        path.file_name().unwrap().to_string_lossy().into_owned()
    }

    /// Every `tests/data/bad/NAME.EXT` is rejected by check-data with a problem
    /// containing the text of its sidecar `NAME.expect`; every file in
    /// `tests/data/good/` is accepted. Failures are listed file by file.
    #[test]
    fn corpus_files_give_their_expected_messages() {
        let mut failures = Vec::new();
        let bad = corpus("bad");
        for path in &bad {
            let expect_path = path.with_extension("expect");
            let Ok(expected) = fs::read_to_string(&expect_path) else {
                failures.push(format!(
                    "bad/{}: no {} naming the message it must produce",
                    name(path),
                    name(&expect_path)
                ));
                continue;
            };
            let expected = expected.trim_end_matches(['\n', '\r']);
            assert!(
                !expected.is_empty() && !expected.contains('\n'),
                "{}: must hold one non-empty line",
                name(&expect_path)
            );
            let problems = check_file(path);
            if problems.is_empty() {
                failures.push(format!(
                    "bad/{}: accepted, but must be rejected with {expected:?}",
                    name(path)
                ));
            } else if !problems.iter().any(|p| p.contains(expected)) {
                failures.push(format!(
                    "bad/{}: no problem contains {expected:?}; check-data said:\n    {}",
                    name(path),
                    problems.join("\n    ")
                ));
            }
        }
        // A sidecar without its data file is a test that silently stopped running.
        let dir = root().join("tests/data/bad");
        for entry in fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "expect")
                && !bad.iter().any(|b| b.with_extension("expect") == path)
            {
                failures.push(format!("bad/{}: no data file beside it", name(&path)));
            }
        }
        let good = corpus("good");
        for path in &good {
            let problems = check_file(path);
            if !problems.is_empty() {
                failures.push(format!(
                    "good/{}: rejected, but must be accepted:\n    {}",
                    name(path),
                    problems.join("\n    ")
                ));
            }
        }
        assert!(bad.len() >= 25, "only {} bad corpus files", bad.len());
        assert!(!good.is_empty(), "no good corpus files");
        assert!(
            failures.is_empty(),
            "{} of {} corpus files in tests/data/ failed:\n{}",
            failures.len(),
            bad.len() + good.len(),
            failures.join("\n")
        );
    }

    /// The 20 MB file of the corpus, made here rather than committed: it is
    /// refused by size alone, before any parser sees it (it is not even JSON).
    #[test]
    fn a_20_mb_file_is_refused_by_size_before_parsing() {
        let mut huge = b"{\"id\": ".to_vec();
        huge.resize(20 * 1024 * 1024, b'[');
        assert_eq!(
            check_bytes(&huge),
            vec![format!(
                "the file has {} bytes; the limit is {MAX_BYTES} bytes",
                huge.len()
            )]
        );
    }

    #[test]
    fn the_size_limit_is_inclusive() {
        let text = fs::read_to_string(root().join(BUNDLED)).unwrap();
        let mut padded = text.clone().into_bytes();
        padded.resize(MAX_BYTES, b' ');
        assert_eq!(check_bytes(&padded), Vec::<String>::new());
        padded.push(b' ');
        assert!(check_bytes(&padded)[0].starts_with("the file has 2097153 bytes"));
    }

    #[test]
    fn invalid_utf8_says_where() {
        assert_eq!(
            check_bytes(b"{\n  \"id\": \"\xc3\xa9\xff\"\n}"),
            vec![
                "the file is not valid UTF-8 text: line 2 column 11 is not UTF-8; \
                  save the file as UTF-8 (in your editor's Save As or encoding menu)"
                    .to_owned()
            ]
        );
    }

    #[test]
    fn the_series_must_hold_the_bundled_dataset() {
        let read = |p: &str| fs::read_to_string(root().join(p)).unwrap();
        let (series, bundled) = (read(SERIES_PATH), read(BUNDLED_PATH));
        assert_eq!(series_holds_bundled(&series, &bundled), Ok(()));
        // The bundled file changed alone (a new total), as README's steps once left it.
        let changed = bundled.replace("37100767", "37100768");
        assert_ne!(changed, bundled);
        let said = series_holds_bundled(&series, &changed).unwrap_err();
        assert!(
            said.starts_with("static/data/japan-iom-series.json: its 2021 entry differs"),
            "{said}"
        );
        // Another year's data, which the series does not have.
        let other = bundled.replace("\"operations_year\": 2021", "\"operations_year\": 2030");
        assert_ne!(other, bundled);
        let said = series_holds_bundled(&series, &other).unwrap_err();
        assert!(said.contains("has no 2030"), "{said}");
        // A file that is not data names its problem.
        let said = series_holds_bundled(&series, "{").unwrap_err();
        assert!(
            said.starts_with("static/data/japan-iom-2021.json: "),
            "{said}"
        );
    }
}
