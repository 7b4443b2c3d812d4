#!/usr/bin/env python3
"""teams-needed --svg DIR and --brief FILE: the pictures parse as XML and carry the canvas's numbers
(398 at the defaults); the brief is one HTML page with every assumption's source, the link and a QR
code; hostile names come out escaped. Usage: pictures_and_brief.py TEAMS_NEEDED WORK_DIR"""
import html.parser
import os
import subprocess
import sys
import xml.etree.ElementTree as ET

CLI, WORK = sys.argv[1], sys.argv[2]
SVG = '{http://www.w3.org/2000/svg}'
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)


def run(*args):
    done = subprocess.run([CLI, *args], capture_output=True, text=True)
    check(done.returncode == 0, f'teams-needed {" ".join(args)[:80]}: status {done.returncode}: {done.stderr}')
    return done


def texts(path):
    root = ET.parse(path).getroot()  # raises on anything that is not well-formed XML
    # A label of several lines is one <text> with a <tspan> a line.
    return root, [' '.join(t.itertext()) if t.find(SVG + 'tspan') is not None else t.text or ''
                  for t in root.iter(SVG + 'text')]


class Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.text, self.hrefs = [], [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.hrefs += [v for k, v in attrs if k == 'href']

    def handle_data(self, data):
        self.text.append(data)


# The defaults: 45 today, 398 needed, 353 more; 5 years; 15 at risk and 5 reached of 100.
out = os.path.join(WORK, 'defaults')
run('--svg', out, '--brief', os.path.join(out, 'brief.html'), '--site', 'https://example.org/calc/', '--date', '1 December 2026')
for name in ('gap', 'scale_up', 'babies'):
    check(os.path.exists(os.path.join(out, name + '.svg')), f'{name}.svg not written')
root, gap = texts(os.path.join(out, 'gap.svg'))
check('Needed: 398 teams' in gap, f'gap.svg: {gap}')
check('Today: 45 teams (+14 in development)' in gap, f'gap.svg: {gap}')
check('Gap: 353 more teams (8.8\u00d7 today)' in gap, f'gap.svg: {gap}')
check(root.find(SVG + 'title').text == 'England: Today against the need', 'gap.svg title')
_, path = texts(os.path.join(out, 'scale_up.svg'))
for label in ('Straight line: About 71 new teams a year', 'Steady growth: 55% more teams each year', '400', 'Now', '5'):
    check(label in path, f'scale_up.svg lacks {label!r}: {path}')
_, babies = texts(os.path.join(out, 'babies.svg'))
check(any('15 are at risk and 5 would be reached' in t for t in babies), f'babies.svg: {babies}')

page = Page()
page.feed(open(os.path.join(out, 'brief.html'), encoding='utf-8').read())
text = ' '.join(page.text)
check('script' not in page.tags, 'brief.html has a script')
check(page.tags.count('svg') == 3, f'brief.html: {page.tags.count("svg")} svg elements (two pictures and the QR code)')
for needle in ('398', '353 more teams', 'Printed 1 December 2026', 'ONS births 2021, England (derived)',
               'van IJzendoorn et al. 1999', 'Parent-Infant Foundation, UK, Sept 2023', 'Madigan et al. 2023'):
    check(needle in text, f'brief.html lacks {needle!r}')
check('https://example.org/calc/?preset=briefing' in page.hrefs[0] if page.hrefs else False, f'brief.html link: {page.hrefs}')

# Hostile names: markup, quotes, right-to-left text and 10 kB (shortened to 200 characters).
hostile_area = '</title><script>alert("x")</script>\'&amp;<!-- \u05ea\u05dc \u05d0\u05d1\u05d9\u05d1 \u202e'
long_name = ('<b onmouseover="x">&\'' * 600)[:10240]
out = os.path.join(WORK, 'hostile')
run('--area', hostile_area, '--name', long_name, '--svg', out, '--brief', os.path.join(out, 'brief.html'))
# The area as CleanLabel leaves it: the right-to-left override (U+202E) is dropped, the Hebrew kept.
shown_area = hostile_area.replace('\u202e', '').strip()
root, _ = texts(os.path.join(out, 'gap.svg'))
title = root.find(SVG + 'title').text
check(title == shown_area + ': Today against the need', f'gap.svg title not the area as text: {title!r}')
check(not list(root.iter(SVG + 'script')), 'gap.svg has a script element')
raw = open(os.path.join(out, 'brief.html'), encoding='utf-8').read()
page = Page()
page.feed(raw)
check('script' not in page.tags and 'b' not in page.tags, f'brief.html: markup from a name became tags: {set(page.tags)}')
check(shown_area in ' '.join(page.text).replace('\n', ' ') or shown_area in html.unescape(raw),
      'brief.html lacks the area as text')
check(long_name[:200] in html.unescape(raw) and long_name[:201] not in html.unescape(raw), 'the long name is not cut to 200')
check('<script>' not in raw and '<b onmouseover' not in raw, 'brief.html has raw markup from a name')

if failures:
    print('\n'.join(failures))
    print(f'0 passed, {len(failures)} failed')
    sys.exit(1)
print('pictures and brief: all checks passed')
