//! Property tests of the URL-state codec: any hash is read without panicking
//! and keeps only what is valid; encoding a valid state reads back the same.
//! Cases per property: `PROPTEST_CASES` (see `model::proptests`). Native only.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;

use crate::i18n::Locale;
use crate::model::load::read_dataset;
use crate::model::validate::is_id;
use crate::model::{Dataset, DEFAULT_DATA};
use crate::state::{is_selectable, HashState, UiState, View};

fn bundled() -> Dataset {
    read_dataset(DEFAULT_DATA).unwrap()
}

/// Hashes as readers and links make them: known keys with near-miss values,
/// separators, percent-encoding, markup, any text.
fn hash() -> impl Strategy<Value = String> {
    let key = prop_oneof![
        prop::sample::select(vec![
            "view", "sel", "lang", "year", "ysel", "", "VIEW", "sel ", "#view",
        ])
        .prop_map(str::to_owned),
        ".{0,6}",
    ];
    let value = prop_oneof![
        prop::sample::select(vec![
            "region",
            "theme",
            "table",
            "sources",
            "years",
            "2018",
            "2021",
            "0201",
            "Region",
            "asia",
            "sub-saharan-africa",
            "unattributed",
            "en",
            "fr",
            "ja",
            "es",
            "pt-BR",
            "en-GB",
            "%3Cscript%3E",
            "<img src=x onerror=alert(1)>",
            "a=b",
            "",
            "=",
        ])
        .prop_map(str::to_owned),
        "[a-z][a-z0-9-]{0,70}",
        any::<String>(),
    ];
    let pair = prop_oneof![(key, value).prop_map(|(k, v)| format!("{k}={v}")), ".{0,8}",];
    prop_oneof![
        (any::<bool>(), prop::collection::vec(pair, 0..6)).prop_map(|(hash, pairs)| {
            format!("{}{}", if hash { "#" } else { "" }, pairs.join("&"))
        }),
        any::<String>(),
    ]
}

fn valid_hash_state() -> impl Strategy<Value = HashState> {
    (
        prop::option::of(prop::sample::select(View::ALL.to_vec())),
        prop::option::of("[a-z][a-z0-9-]{0,63}"),
        prop::option::of(prop::sample::select(Locale::ALL.to_vec())),
        prop::option::of(1900..=2200i32),
        prop::option::of(1900..=2200i32),
    )
        .prop_map(|(view, sel, lang, year, ysel)| HashState {
            view,
            sel,
            lang,
            year,
            ysel,
        })
}

proptest! {
    /// (e) Any hash decodes without panicking, into values that are valid.
    #[test]
    fn hash_decode_never_panics(hash in hash()) {
        let h = HashState::decode(&hash);
        if let Some(sel) = &h.sel {
            prop_assert!(is_id(sel), "{:?} let through {:?}", hash, sel);
        }
        // Decoding what was decoded and encoded changes nothing more.
        prop_assert_eq!(HashState::decode(&h.encode()), h);
    }

    /// (e) decode(encode(h)) == h for every valid state.
    #[test]
    fn hash_encode_decode_round_trips(h in valid_hash_state()) {
        prop_assert_eq!(HashState::decode(&h.encode()), h);
    }

    /// Any hash gives a state whose selection exists in the dataset.
    #[test]
    fn ui_state_from_any_hash_fits_the_dataset(hash in hash()) {
        let ds = bundled();
        let state = UiState::from_hash(&hash, &ds, Locale::En);
        // Another year's selection waits for that year's data (checked there).
        let own_year = state.year.is_none_or(|y| y == ds.contribution.operations_year);
        if let (Some(sel), true) = (&state.selected, own_year) {
            prop_assert!(is_selectable(&ds, sel));
        }
        prop_assert_eq!(UiState::from_hash(&state.to_hash(Locale::En), &ds, Locale::En), state);
    }
}
