//! Use: the bundled demo corpus — short articles in the manner of local news, with invented people
//! and real places, written for the project — and the two questions `guanxi demo` answers on it.

/// The demo articles: (file name, text).
pub const ARTICLES: &[(&str, &str)] = &[
    (
        "01-qixian-checkpoints.txt",
        include_str!("../demo/01-qixian-checkpoints.txt"),
    ),
    (
        "02-xunxian-donations.txt",
        include_str!("../demo/02-xunxian-donations.txt"),
    ),
    (
        "03-shancheng-command.txt",
        include_str!("../demo/03-shancheng-command.txt"),
    ),
];

/// The shipped queries the demo runs: (file name, text).
pub const QUERIES: &[(&str, &str)] = &[
    (
        "who-led-which-checkpoint.rq",
        include_str!("../queries/who-led-which-checkpoint.rq"),
    ),
    ("posts-of-person.rq", include_str!("../queries/posts-of-person.rq")),
];
