"""Patterns of news-page furniture, shared by the cleaning stage.

These are general conventions of news pages and wire copy (bylines, credits,
share bars, datelines, syndication footers), never sentences of particular
articles: the cleaner meets outlets it has never seen.
"""

from __future__ import annotations

import re

# Sentence-final punctuation, possibly followed by closing quotes or brackets.
_CLOSERS = "\"”’')]"
_ENDS = (".", "!", "?", "…")


def ends_sentence(text: str) -> bool:
    """A sentence end, maybe inside closing quotes or brackets ("...” or ".)"), or
    a closing quote. Read from the end of the text: a pattern anchored at the end
    would still try every position of a paragraph-long line."""
    if text.endswith(('"', "”")):
        return True
    return text.rstrip(_CLOSERS)[-1:] in _ENDS


# --- Markup inside lines: cut out, the text around it is kept -------------------

URL_RE = re.compile(
    r"<\s*(?:https?://|www\.)[^>\s]*\s*>"
    r"|\((?:https?://|www\.)[^)\s]*\)"
    r"|(?:https?://|www\.)[^\s<>]*[^\s<>.,;:!?)\]'\"”’]"
)
# Markdown links keep their text, which may wrap onto the next line (never past a
# blank line); images lose it. "#" targets are in-page buttons ("Copy link").
MD_LINK_RE = re.compile(
    r"!?\[((?:[^\[\]\n]|\n(?![ \t]*\n))*)\]\((?:https?://|www\.|/|#)[^)\s]*"
    r"""(?:[ \t]+(?:"[^"\n]*"|'[^'\n]*'))?\)"""  # an optional link title
)
# Text browsers (lynx -dump) number every link, "[12]text", and mark images.
LINK_MARKER_RE = re.compile(r"\[(?:\d{1,4}|IMG|INLINE|BUTTON)\]")
# Screen-reader suffix of links that open elsewhere: "said in a statement, opens new tab".
NEW_TAB_RE = re.compile(
    r"[ \t]*,?[ \t]*\(?\b(?i:opens?\ (?:in\ )?(?:an?\ )?(?:new|external|separate)"
    r"\ (?:tab|window))\)?"
)
# Markdown emphasis: the markers go, the words stay ("**Coral cover** fell").
# A single "_" counts only between non-word characters, so snake_case stays whole.
EMPHASIS_RE = re.compile(
    r"(?<![\w*])(\*\*|__|\*|_)(?=[^\s*_])((?:(?!\n[ \t]*\n)[^*])+?)(?<=[^\s*_])\1(?![\w*])"
)
HEADING_MARK_RE = re.compile(r"^[ \t]*#{1,6}[ \t]+", re.MULTILINE)
# List bullets and blockquote marks at the start of a line: the item's words stay.
_ITEM_MARK = r"(?:[-*+•][ \t]+|\d{1,3}[.)][ \t]+)"
LIST_MARK_RE = re.compile(rf"^[ \t]*(?:(?:>[ \t]?)+{_ITEM_MARK}?|{_ITEM_MARK})", re.MULTILINE)
# A YAML header ("---" ... "---") left by a web clipper or static-site export.
FRONT_MATTER_RE = re.compile(r"\A\s*---[ \t]*\r?\n(?:.*\n){0,80}?(?:---|\.\.\.)[ \t]*(?=\r?\n|\Z)")
EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
INVISIBLE_RE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
# Cut after markdown links, which keep their text. Each with the substrings one of
# which any match contains (lower-case ones are looked for case-folded; none: always
# scanned), so a page without them skips the pattern.
INLINE_CUTS: tuple[tuple[re.Pattern[str], str, tuple[str, ...]], ...] = (
    (URL_RE, "link", ("http://", "https://", "www.")),
    (LINK_MARKER_RE, "link", ("[",)),
    (NEW_TAB_RE, "link", ("open",)),
    (HEADING_MARK_RE, "markup", ("#",)),
    (LIST_MARK_RE, "markup", ()),
)

# --- Whole lines of page chrome ---------------------------------------------------

# Share bars, UI labels, player and ad slots, consent buttons. Matched against a
# whole line, or each part of a line split at " · " / " | ".
_UI = r"""
    font\ size | text\ size | a\+?\s*a-? | share (?:\ (?:this|the)\ (?:article|story|page|post))?
  | share\ (?:on|via|to)\ \w+ | tweet | e-?mail(?:\ this)? | print(?:\ this)?(?:\ (?:article|page))?
  | comments? | \d+\ comments? | no\ comments(?:\ yet)? | view\ comments(?:\ \(\d+\))?
  | link\ copied!? | copy\ link | copied | advertisement | advertising | advert | paid\ content
  | (?:sponsored|partner)(?:\ content)? | (?:video\ )?ad\ feedback | scroll\ (?:to\ continue|down)
  | subscribe(?:\ now|\ today|\ here)? | sign\ (?:up|in)(?:\ now|\ here)? | log\ ?in | register
  | skip\ (?:to|this)\ .* | listen(?:\ to\ (?:this|the)\ (?:article|story))? | now\ playing
  | \d+\s*min(?:ute)?s?\ (?:read|listen) | save(?:\ article)? | bookmark | reuse\ this\ content
  | (?:more|related|recommended|top)\ (?:stories|articles|content|topics|coverage|links|videos|news)
  | more\ (?:on\ this\ story|from\ [^.!?]{1,40}) | related | see\ also | read\ more | read\ next
  | continue\ reading | show\ (?:more|less) | close | menu | loading(?:\.\.\.|…)?
  | watch(?:\ now|\ live)?
  | photos? | gallery | video | image\ source\b.* | image\ caption\b.* | media\ caption\b.*
  | getty\ images | (?:first\ |last\ )?(?:published|updated|modified|posted)(?:\ on|\ at)?
  | news\ provided\ by | topics | tags | all\ news | latest\ news | references
  | most\ (?:read|popular|viewed|shared) | trending(?:\ now)? | back\ to\ top | breaking(?:\ news)?
  | (?:accept|reject|allow|manage)(?:\ all)?(?:\ cookies.*)?
  | cookie\ (?:settings|policy|preferences)
  | we\ value\ your\ privacy | live(?:\ updates)? | follow(?:\ us)? | like\ us | search
  | whatsapp | facebook | twitter | linkedin | reddit | pinterest | telegram | messenger | flipboard
  | (?:media|press)\ contacts?(?:\ information)? | contacts? | editor(?:'s\ note)?\s*:.* | ends
  | \#{3} | -?\s*30\s*- | (?:photo|image|picture)\ credit.* | purchase\ licensing\ rights
  | enter\ your\ e-?mail(?:\ address)?
  | click\ (?:here\ )?to\ (?:share|e-?mail|print|tweet|post|copy)\b.*
"""
UI_LINE_RE = re.compile(rf"^(?:{_UI})$", re.IGNORECASE | re.VERBOSE)
UI_SEPARATOR_RE = re.compile(r"\s+[|·•]\s+|\s*\|\s*")

READ_MORE_RE = re.compile(
    r"^(?:read\ (?:more|next|also)|related(?:\ (?:stories|articles|content|coverage))?|see\ also"
    r"|more\ on\ this\ story|recommended)\s*[:|»›>-]?\s*(?P<rest>.*)$",
    re.IGNORECASE | re.VERBOSE,
)
# Headings of a list of teaser headlines that follows them on the next lines.
LIST_HEAD_RE = re.compile(
    r"""^(?:related(?:\ (?:stories|articles?|news|content|coverage|links|reading|topics|videos))?
    | more\ (?:stories|news|on\ this\ (?:story|topic)|from\ .{1,40}|to\ read|like\ this)
    | also\ read | read\ (?:next|also) | (?:you\ )?(?:may|might)\ also\ like | further\ reading
    | recommended(?:\ (?:stories|for\ you|reading))? | trending(?:\ now|\ stories)?
    | most\ (?:read|popular|viewed|shared) | top\ stories | latest\ (?:news|stories)
    | editor['’]s\ picks | don['’]t\ miss | explore\ more\ on\ (?:these|this)\ topics?)\s*:?$""",
    re.IGNORECASE | re.VERBOSE,
)
TAGS_RE = re.compile(
    r"^(?:(?:suggested|related|more|popular|trending)\ )?"
    r"(?:topics?|tags?|keywords|categories|filed\ under|subjects?)(?:\s*:|$)",
    re.IGNORECASE | re.VERBOSE,
)
# Dates, times and reading times in any common order ("Wed 14 Feb 2024 17.20 GMT",
# "PUBLISHED: January 10, 2024 at 6:15 p.m.", "2 hours ago", "8 min read"). Words
# may be run together by a copy-paste ("GMTUpdated"), so a word need only be
# followed by a non-lowercase character.
_DATE_WORDS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|mon(?:day)?|tue(?:s(?:day)?)?"
    r"|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?"
    r"|[ap]\.?m\.?|noon|midnight|gmt|utc|bst|cet|cest|eet|msk|ist|jst|aest|aedt|[ecmp][sd]?t|hrs?"
    r"|st|nd|rd|th|first|last|published|updated|modified|posted|edited|on|at|ago|just|now|today"
    r"|yesterday|an?|hours?|minutes?|mins?|seconds?|days?|weeks?|months?|years?|read|listen|local"
    r"|time"
)
TIMESTAMP_RE = re.compile(rf"^(?:(?i:{_DATE_WORDS})(?![a-z])|\d|[\s,.:;|·•/()+–—-])+$")
TIMESTAMP_LABEL_RE = re.compile(r"^(?:first |last )?(?:published|updated|modified|posted)\b", re.I)

# "By Jane Doe", "By Jane Doe and John Roe | Staff", "BY JANE DOE, Associated Press"
BYLINE_RE = re.compile(
    r"^by\s+[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|de|van|von|al|bin|and|&))*"
    r"(?:\s*(?:[,|•·–—-]|\band\b)\s*.*)?$",
    re.IGNORECASE,
)
_TITLES = (
    r"reporter|correspondent|editor|writer|contributor|columnist|journalist|producer"
    r"|bureau\ chief|staff|analyst|intern|fellow|photographer|presenter|anchor"
)
TITLE_LINE_RE = re.compile(rf"\b(?:{_TITLES})s?\.?$", re.IGNORECASE | re.VERBOSE)

# "Jane Doe/Reuters", "REUTERS/ITAR-TASS/PRESS SERVICE", "© Yuri Smityuk/TASS"
CREDIT_SLASH_RE = re.compile(
    r"(?:^|\s)[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*\s*/\s*[A-Z][\w&.-]*(?:[ /-][A-Z][\w&.-]*)*$"
)
CREDIT_WORD_RE = re.compile(
    r"©|\(c\)\s*\d{4}|\b(?:photograph|photo|image|picture|illustration|graphic|video)s?"
    r"\s*(?:by|credit|courtesy)?\s*:\s*\S",
    re.IGNORECASE,
)
# Caption labels ("Image caption, ...") and gallery counters ("[1/2] A man ...").
CAPTION_RE = re.compile(
    r"^(?:image|media|video|photo|picture)\s+(?:caption|source|credit)\s*[,:]|^\[\d+/\d+\]",
    re.IGNORECASE,
)
# A caption ends with its credit in brackets: "(AP Photo/Jane Doe, File)",
# "(Xinhua/Li Ming)", "(Photo: Jane Doe / Outlet)", "(Supplied: Agency/Name)".
CAPTION_CREDIT_RE = re.compile(
    r"\((?:[A-Z][\w.'’-]*\s+)?(?i:photo(?:graph)?|image|picture|pic|supplied|credit|courtesy"
    r"|handout|pool|file)\b[^()]*\)$"
    r"|\([A-Z][\w&.'’-]*(?:\s[A-Z][\w&.'’-]*)?\s?/\s?[A-Z][^()/]*(?:/[^()]*)?\)$"
)
AGENCY_LINE_RE = re.compile(
    r"^(?:\(?(?:AP|AFP|EPA|REUTERS|Reuters|Getty Images|Shutterstock|Alamy|PA|PA Media|EFE"
    r"|ANSA|DPA|Xinhua|TASS|Sputnik|Anadolu|Bloomberg|UPI)\)?(?:\s*(?:/|via)\s*[\w .-]+)?)$"
)
# "Source: Agency", "02:14 - Source: CNN", and press-wire "SOURCE Company Name".
SOURCE_LINE_RE = re.compile(r"^(?:[\d:.]+\s*)?[-–—|]?\s*(?i:source)\s*:\s*\S|^SOURCE\s+[A-Z]")
# A line ending in a function word is a sentence in progress, never a label.
DANGLING_RE = re.compile(
    r"\b(?:the|an?|of|to|in|on|at|for|from|with|by|and|or|but|nor|that|as|is|are|was|were"
    r"|be|has|have|had|will|would|could|should|said|says|its|their|his|her|our|this|these)$",
    re.IGNORECASE,
)
LOGO_RE = re.compile(r"\blogo$", re.IGNORECASE)
FOLLOW_RE = re.compile(
    r"^(?:follow|like|find)\b.{0,60}\b(?:on|at|via)\s+(?:twitter|x|facebook|instagram|linkedin"
    r"|threads|bluesky|mastodon|tiktok|youtube)\b|^follow\s+(?:us|him|her|them|@)|@\w{2,}\s*$",
    re.IGNORECASE,
)
CONTACT_START_RE = re.compile(
    r"^(?:send\s+(?:tips|news|story)|contact|e-?mail|write\s+to|reach|tips?\b|got\s+a\s+tip)",
    re.IGNORECASE,
)
# A heading whose following lines are names, titles, phones and emails.
CONTACT_HEAD_RE = re.compile(
    r"^(?:(?:media|press|investor|editorial)\s+(?:contacts?|enquiries|inquiries|relations)\b"
    r"|contacts?\s*:|for\s+(?:more|further)\s+information,?\s+(?:please\s+)?contact\b)",
    re.IGNORECASE,
)
FORM_RESIDUE_RE = re.compile(r"_{4,}")
# "Reporting by A; Editing by B", "(Compiled by A)": names, not a sentence. "Research by
# Harvard found ..." is content, so a full stop ends the match unless a ";" lists names.
_CREDIT_BY = (
    r"^\(?(?:additional\ )?(?:reporting|editing|writing|edited|compiled|translated|produced"
    r"|graphics?|research)\ by\ (?-i:[A-Z])(?:.*;.*|[^!?]*[^.!?])$"
)
_CONTRIBUTED = (
    r"\bcontributed\ (?:reporting\ )?(?:to\ )?this\ (?:report|story|article)\.?\)?$"
    r"|^\(?[\w\ .,'’-]{3,60}\ contributed\ reporting\b"
)
CREDITS_LINE_RE = re.compile(rf"{_CREDIT_BY}|{_CONTRIBUTED}", re.IGNORECASE | re.VERBOSE)
# Lines wire copy and press releases put where the story ends.
END_MARK_RE = re.compile(
    rf"^\(?(?:additional\ )?(?:reporting|writing|editing)\ by\ (?-i:[A-Z])(?:.*;.*|[^!?]*[^.!?])$"
    rf"|{_CONTRIBUTED}|^(?:\#{{3}}|-\s*30\s*-|-\s*ends\s*-)$",
    re.IGNORECASE | re.VERBOSE,
)
# A video card: its title sits over the running time ("02:14", "01:48 - Source: X").
DURATION_RE = re.compile(r"^\d{1,2}:\d{2}(?::\d{2})?(?:\s*[-–—|]\s*source\s*:.*)?$", re.I)

# --- Blocks that address the reader rather than report ----------------------------

# Newsletter and subscription pitches open with an imperative.
PROMO_RE = re.compile(
    r"""^(?:subscribe|sign\ up|register)\b.{0,80}?
        \b(?:now|today|here|you|your|our|free|for\ (?:just|only|as\ little\ as))\b
    | ^(?=.{0,200}\b(?:you|your|our|free|here|now|today)\b)
      (?:get|join|enter\ your|don['’]t\ miss|never\ miss|want|receive|try|start\ your|become\ a
        |stay\ (?:informed|up\ to\ date|in\ the\ know)|sign\ up|subscribe)\b.{0,160}?
        \b(?:newsletters?|inbox|subscri\w*|free\ trial|membership|daily\ (?:e-?mail|briefing))\b""",
    re.IGNORECASE | re.VERBOSE,
)
LEGAL_RE = re.compile(
    r"\bby\ (?:signing\ up|subscribing|clicking|registering|continuing)\b"
    r"|terms\ of\ (?:use|service)|privacy\ (?:policy|notice)|unsubscribe\ at\ any\ time",
    re.IGNORECASE | re.VERBOSE,
)
# A consent banner speaks to the reader about cookies and consent.
COOKIE_RE = re.compile(
    r"^we\ value\ your\ privacy|(?=.*\bcookies?\b)(?=.*\b(?:you|your|we|our)\b)"
    r"(?=.*\b(?:consent|partners|preferences|accept|personal\ data|settings)\b)",
    re.IGNORECASE | re.VERBOSE,
)
# The consent paragraph itself, wherever it stands.
CONSENT_LINE_RE = re.compile(
    r"""\bwe\ (?:and\ our\ (?:\d+\ )?partners\ )?(?:use|store)\b.{0,60}\bcookies
    | \bby\ clicking\ ["“]?(?:accept|agree|ok)\b | \byou\ consent\ to\ (?:our|the)\ use\ of\ cookies
    | \bthis\ (?:site|website)\ uses\ cookies""",
    re.IGNORECASE | re.VERBOSE,
)
# Press-release boilerplate: "About Acme Corp" heading, or "About Acme Corp Acme Corp is ...".
ABOUT_RE = re.compile(
    r"^About\ (?:the\ (?:company|author)s?\b|us\b"
    r"|(?P<name>[A-Z][\w&.'’/-]*(?:\ [A-Z][\w&.'’/-]*){0,5})(?:\s*:?$|\s+(?P=name)\b))"
)
# "Jane Doe covers ...", "Doe is a journalist who ..." at the end of a page.
BIO_RE = re.compile(
    r"^(?P<name>[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3})\s+(?:is\s+(?:an?|the)\s+|covers\b"
    r"|writes\b|reports\b|has\s+(?:covered|reported|written)\b|joined\b)"
)
# Without a byline to match the name, a bio must carry its contact details.
BIO_CLUE_RE = re.compile(
    r"\b(?:follow|reach|e-?mail|contact|write\ to)\s+(?:him|her|them|me)\b|@\w{2,}"
    r"|\b(?:his|her|their)\ (?:work|writing|reporting)\ has\ appeared\b",
    re.IGNORECASE | re.VERBOSE,
)
# Only phrases that close a page: a last paragraph may well mention a licence,
# a newsletter or cookies in passing.
FOOTER_RE = re.compile(
    r"""all\ rights\ reserved | ^(?:copyright|©) | (?:copyright|©)\s*(?:©\s*)?\d{4} | \d{4}\s*©
    | creative\ commons | \blicensed\ under | licensing\ (?:rights|inquiries|information)
    | \blicensing@ | reprints?\ (?:and|&)\ permissions | republishers? | free\ to\ republish
    | republish(?:ed)?\ (?:this|here|under) | republished\ (?:articles|stories|content)
    | this\ (?:article|story|content|piece)\ (?:was|is|has\ been)\ (?:originally\ |first\ )?
      (?:published|produced|republished) | (?:sign|subscribe)\ up\ (?:for|to)\ (?:our|my)\b
    | our\ (?:[\w-]+\ ){0,3}newsletters? | terms\ of\ (?:use|service) | privacy\ policy
    | cookie\ policy | our\ (?:editorial\ )?guidelines | our\ journalism
    | support\ (?:us|our\ (?:journalism|work|reporting)|independent\ (?:journalism|reporting))
    | donate\ (?:to\ support|to\ us|now|today)
    | not\ responsible\ for\ the\ content\ of\ external""",
    re.IGNORECASE | re.VERBOSE,
)

# Datelines opening wire copy: "MOSCOW, March 17. /TASS/.", "LONDON (Reuters) -",
# "BEIJING, Jan. 5 (Xinhua) --", "KYIV, Ukraine (AP) —", "PARIS —", "(CNN) —", "CNN —",
# "CITY, Country, Sept. 10, 2024 /PRNewswire/ --".
_CITY = r"[A-Z][A-Z.'’-]+(?:[ -][A-Z][A-Z.'’-]+){0,3}"
_PLACE_DATE = r"(?:,\s+[A-Z][A-Za-z.]*(?:\s+[A-Z][A-Za-z.]*)*(?:\s+\d{1,2}(?:,\s*\d{4})?)?\.?)*"
_MONTH_WORD = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
)
_DAY_DATE = (
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH_WORD}|{_MONTH_WORD}\s+\d{{1,2}}(?:st|nd|rd|th)?)"
    r"(?:,?\s+\d{4})?"
)
# "Bishkek, 7 October 2024 (Ala-Too) -": a place in title case, a day, an agency.
_TITLE_CITY = r"[A-Z][a-zà-ÿ'’-]+(?:[ -][A-Z][a-zà-ÿ'’-]+){0,2}"
DATELINE_RE = re.compile(
    rf"^(?:{_CITY}{_PLACE_DATE}\s*(?:/[A-Z][\w-]*/\.?(?:\s*(?:--?|[—–]))?"
    rf"|\([A-Za-z][\w .&/-]*\)\s*[-—–]{{1,2}}|[—–]|--?)"
    rf"|\(?[A-Z]{{2,}}\)?\s+[—–]|\(?[A-Z]{{2,}}\)?\s*--"
    rf"|{_TITLE_CITY},\s+{_DAY_DATE}\s*(?:\([^)]{{1,40}}\)\s*)?[-—–]{{1,2}})\s+"
)
# A line that is only a place and a date: "Nairobi, 3rd February 2025".
PLACE_DATE_LINE_RE = re.compile(
    rf"^(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b){_TITLE_CITY},\s+{_DAY_DATE}\.?$"
)


# (most words, pattern, reason): a line no longer than this that matches is furniture.
LINE_RULES: tuple[tuple[int, re.Pattern[str], str], ...] = (
    (80, CAPTION_RE, "caption"),
    (40, TAGS_RE, "tags"),
    (15, SOURCE_LINE_RE, "source"),
    (25, CREDIT_WORD_RE, "credit"),
    (12, AGENCY_LINE_RE, "credit"),
    (8, LOGO_RE, "logo"),
    (15, FOLLOW_RE, "social"),
    (8, FORM_RESIDUE_RE, "form"),
)


# --- Predicates over one line's text ------------------------------------------------

BARE_STRIP = " :|•·»›>-–—*#"


def is_timestamp(text: str) -> bool:
    """A line made only of dates, times and reading times."""
    return any(c.isdigit() for c in text) and bool(TIMESTAMP_RE.match(text))


def is_widget_line(bare: str) -> bool:
    """One or more UI widgets: "Share", "Advertisement · Scroll to continue", "Listen · 4 min"."""
    parts = [p.strip(BARE_STRIP) for p in UI_SEPARATOR_RE.split(bare)]
    parts = [p for p in parts if p]
    several = len(parts) > 1
    return bool(parts) and all(UI_LINE_RE.match(p) or (several and is_timestamp(p)) for p in parts)


def is_nav_line(bare: str) -> bool:
    """A menu bar: three or more short items between separators."""
    parts = [p.strip() for p in UI_SEPARATOR_RE.split(bare)]
    return len(parts) >= 3 and all(0 < len(p.split()) <= 4 and not ends_sentence(p) for p in parts)
