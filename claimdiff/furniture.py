"""Patterns of news-page furniture, shared by the cleaning stage.

These are general conventions of news pages and wire copy (bylines, credits,
share bars, datelines, syndication footers), never sentences of particular
articles: the cleaner meets outlets it has never seen.
"""

from __future__ import annotations

import re

# Sentence-final punctuation, possibly followed by closing quotes or brackets.
TERMINAL_RE = re.compile(r"[.!?…][\"”’'\)\]]*$|[\"”]$")

URL_RE = re.compile(
    r"<\s*(?:https?://|www\.)[^>\s]*\s*>"
    r"|\((?:https?://|www\.)[^)\s]*\)"
    r"|(?:https?://|www\.)[^\s<>]*[^\s<>.,;:!?)\]'\"”’]"
)
MD_LINK_RE = re.compile(r"!?\[([^\]\n]*)\]\((?:https?://|www\.|/)[^)\s]*\)")
EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
INVISIBLE_RE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")

# Whole lines of page chrome: share bars, UI labels, timestamps, ad slots.
_UI = r"""
    font\ size | text\ size | a\+?\s*a-? | share (?:\ (?:this|the)\ (?:article|story|page|post))?
  | share\ (?:on|via|to)\ \w+ | tweet | e-?mail(?:\ this)? | print(?:\ this)?(?:\ (?:article|page))?
  | comments? | \d+\ comments? | no\ comments(?:\ yet)? | view\ comments | link\ copied!?
  | copy\ link | copied | advertisement | advert | sponsored(?:\ content)? | (?:video\ )?ad\ feedback
  | subscribe(?:\ now|\ today|\ here)? | sign\ (?:up|in)(?:\ now)? | log\ ?in | register
  | skip\ (?:to|this)\ .* | listen(?:\ to\ (?:this|the)\ (?:article|story))?
  | \d+\s*min(?:ute)?s?\ (?:read|listen) | save(?:\ article)? | bookmark | reuse\ this\ content
  | (?:more|related|recommended|top)\ (?:stories|articles|content|topics|coverage|links|videos|news)
  | more\ (?:on\ this\ story|from\ .{1,40}) | related | see\ also | read\ more | read\ next
  | continue\ reading | show\ (?:more|less) | close | menu | loading.* | watch(?:\ now|\ live)?
  | photos? | gallery | video | image\ source\b.* | image\ caption\b.* | media\ caption\b.*
  | getty\ images | (?:first\ )?published\b.{0,40} | (?:last\ )?updated\b.{0,50} | posted\b.{0,40}
  | topics | tags | all\ news | latest\ news | most\ (?:read|popular|viewed|shared)
  | trending(?:\ now)? | (?:accept|reject|manage)(?:\ all)?\ cookies.* | cookie\ (?:settings|policy)
  | back\ to\ top | breaking(?:\ news)? | live(?:\ updates)? | follow(?:\ us)? | like\ us
  | whatsapp | facebook | twitter | linkedin | reddit | pinterest | telegram | messenger
  | (?:media|press)\ contacts?(?:\ information)? | contacts? | editor(?:'s\ note)?\s*:.* | ends
  | \#{3} | -?\s*30\s*- | (?:photo|image|picture)\ credit.*
"""
UI_LINE_RE = re.compile(rf"^(?:{_UI})$", re.IGNORECASE | re.VERBOSE)

READ_MORE_RE = re.compile(
    r"^(?:read\ (?:more|next|also)|related(?:\ (?:stories|articles|content|coverage))?|see\ also"
    r"|more\ on\ this\ story|recommended)\s*[:|»›>-]?\s*(?P<rest>.*)$",
    re.IGNORECASE | re.VERBOSE,
)

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
AGENCY_LINE_RE = re.compile(
    r"^(?:\(?(?:AP|AFP|EPA|REUTERS|Reuters|Getty Images|Shutterstock|Alamy|PA|PA Media|EFE"
    r"|ANSA|DPA|Xinhua|TASS|Sputnik|Anadolu|Bloomberg|UPI)\)?(?:\s*(?:/|via)\s*[\w .-]+)?)$"
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
CREDITS_LINE_RE = re.compile(
    r"^\(?(?:(?:additional\ )?reporting|editing|writing|edited|compiled|translated|produced"
    r"|graphics?|research)\ by\b|contributed\ (?:to\ )?this\ (?:report|story|article)"
    r"|^\(?[\w .,'’-]{3,60}\ contributed\b",
    re.IGNORECASE | re.VERBOSE,
)
FOOTER_RE = re.compile(
    r"all\ rights\ reserved|\brepublish|\breprint|\bsyndicat|\blicens(?:e|ing)\b|\bcopyright\b|©"
    r"|this\ (?:article|story|content|piece)\ (?:was|is|has\ been)\ (?:originally\ |first\ )?"
    r"(?:published|produced|republished|written|updated)|contributed\ (?:to\ )?this\ report"
    r"|reporting\ by|editing\ by|(?:sign|subscribe)\ up|newsletter|terms\ of\ (?:use|service)"
    r"|privacy\ policy|\bcookies?\b|our\ (?:guidelines|journalism)|support\ (?:us|our)",
    re.IGNORECASE | re.VERBOSE,
)

# Datelines opening wire copy: "MOSCOW, March 17. /TASS/.", "LONDON (Reuters) -",
# "BEIJING, Jan. 5 (Xinhua) --", "KYIV, Ukraine (AP) —", "PARIS —", "(CNN) —", "CNN —".
_CITY = r"[A-Z][A-Z.'’-]+(?:[ -][A-Z][A-Z.'’-]+){0,3}"
_PLACE_DATE = r"(?:,\s+[A-Z][A-Za-z.]*(?:\s+[A-Z][A-Za-z.]*)*(?:\s+\d{1,2}(?:,\s*\d{4})?)?\.?)*"
DATELINE_RE = re.compile(
    rf"^(?:{_CITY}{_PLACE_DATE}\s*(?:/[A-Z][\w-]*/\.?|\([A-Za-z][\w .&/-]*\)\s*[-—–]{{1,2}}|[—–]|--?)"
    rf"|\(?[A-Z]{{2,}}\)?\s+[—–]|\(?[A-Z]{{2,}}\)?\s*--)\s+"
)
