"""A drawn stand-in for the press photo of the clipping.

The real clipping shows four people on the stage of the conference. The samples must not contain a
copyrighted photograph, so this module draws a plausible scene with Pillow: a blue stage wall with
the conference name, four standing figures and the heads of the audience in the foreground. It uses
no randomness, so the PNG bytes are the same on every run with the same Pillow version.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from PIL import Image, ImageDraw, ImageFont

from .fonts import font_path

WIDTH, HEIGHT = 960, 620


@dataclass(frozen=True)
class Figure:
    """One standing person: horizontal centre, height factor and colours."""

    x: int
    scale: float
    skin: tuple[int, int, int]
    hair: tuple[int, int, int]
    jacket: tuple[int, int, int]
    trousers: tuple[int, int, int]
    long_hair: bool


PEOPLE = (
    Figure(250, 0.93, (214, 170, 140), (52, 36, 30), (150, 40, 60), (40, 40, 50), True),
    Figure(420, 1.05, (232, 196, 170), (120, 110, 100), (45, 50, 70), (35, 38, 48), False),
    Figure(580, 0.95, (198, 150, 115), (30, 24, 22), (230, 225, 215), (60, 70, 90), True),
    Figure(735, 0.97, (236, 204, 180), (160, 120, 70), (70, 95, 80), (40, 45, 50), True),
)


def _vertical_gradient(
    draw: ImageDraw.ImageDraw, box: tuple[int, int, int, int], top: tuple[int, int, int], bottom: tuple[int, int, int]
) -> None:
    x0, y0, x1, y1 = box
    for y in range(y0, y1):
        t = (y - y0) / max(1, y1 - y0 - 1)
        colour = tuple(round(a + (b - a) * t) for a, b in zip(top, bottom, strict=True))
        draw.line([(x0, y), (x1, y)], fill=colour)


def _draw_person(draw: ImageDraw.ImageDraw, person: Figure, floor: int) -> None:
    s = person.scale
    height = 330 * s
    head_r = 24 * s
    top = floor - height
    cx = person.x
    # legs
    leg_w = 20 * s
    hip = top + 190 * s
    draw.rounded_rectangle([cx - 2 * leg_w + 4, hip, cx - 4, floor], radius=6, fill=person.trousers)
    draw.rounded_rectangle([cx + 4, hip, cx + 2 * leg_w - 4, floor], radius=6, fill=person.trousers)
    draw.ellipse([cx - 2 * leg_w - 4, floor - 10, cx - 2, floor + 4], fill=(25, 25, 25))
    draw.ellipse([cx + 2, floor - 10, cx + 2 * leg_w + 4, floor + 4], fill=(25, 25, 25))
    # torso and arms
    shoulder = top + 2 * head_r + 10 * s
    half = 46 * s
    draw.rounded_rectangle([cx - half, shoulder, cx + half, hip + 20 * s], radius=int(22 * s), fill=person.jacket)
    draw.rounded_rectangle(
        [cx - half - 14 * s, shoulder + 8 * s, cx - half + 6 * s, hip + 5 * s], radius=int(9 * s), fill=person.jacket
    )
    draw.rounded_rectangle(
        [cx + half - 6 * s, shoulder + 8 * s, cx + half + 14 * s, hip + 5 * s], radius=int(9 * s), fill=person.jacket
    )
    draw.ellipse([cx - half - 14 * s, hip - 2 * s, cx - half + 6 * s, hip + 16 * s], fill=person.skin)
    draw.ellipse([cx + half - 6 * s, hip - 2 * s, cx + half + 14 * s, hip + 16 * s], fill=person.skin)
    # neck, hair behind the head, head
    if person.long_hair:
        draw.rounded_rectangle(
            [cx - head_r - 5 * s, top - 3 * s, cx + head_r + 5 * s, top + 2 * head_r + 22 * s],
            radius=int(18 * s),
            fill=person.hair,
        )
    draw.rectangle([cx - 11 * s, top + 2 * head_r - 6 * s, cx + 11 * s, shoulder + 4 * s], fill=person.skin)
    draw.pieslice([cx - 20 * s, shoulder - 12 * s, cx + 20 * s, shoulder + 22 * s], 0, 180, fill=person.skin)
    draw.ellipse([cx - head_r, top, cx + head_r, top + 2 * head_r + 4 * s], fill=person.skin)
    draw.chord([cx - head_r - 2 * s, top - 4 * s, cx + head_r + 2 * s, top + head_r * 1.3], 180, 360, fill=person.hair)
    # eyes and a smile
    eye_y = top + head_r * 1.05
    for dx in (-9 * s, 9 * s):
        draw.ellipse([cx + dx - 2.5 * s, eye_y - 2.5 * s, cx + dx + 2.5 * s, eye_y + 2.5 * s], fill=(40, 30, 30))
    draw.arc(
        [cx - 9 * s, top + head_r * 1.2, cx + 9 * s, top + head_r * 1.75],
        20,
        160,
        fill=(120, 50, 50),
        width=max(1, round(2 * s)),
    )


def draw_conference_photo() -> Image.Image:
    """Draw the stage scene and return it as an RGB image."""
    image = Image.new("RGB", (WIDTH, HEIGHT), (20, 40, 90))
    draw = ImageDraw.Draw(image)
    floor = 500
    _vertical_gradient(draw, (0, 0, WIDTH, floor), (24, 64, 140), (12, 36, 88))
    # light cones from the ceiling
    for x in (170, 480, 800):
        draw.polygon([(x - 25, 0), (x + 25, 0), (x + 150, floor), (x - 150, floor)], fill=(34, 78, 156))
    # banner on the stage wall
    draw.rounded_rectangle([140, 40, 820, 128], radius=10, fill=(245, 245, 240))
    title_font = ImageFont.truetype(str(font_path("NotoSans-Bold.ttf")), 46)
    small_font = ImageFont.truetype(str(font_path("NotoSans-Regular.ttf")), 20)
    draw.text((480, 72), "Integrationskonferenz", font=title_font, fill=(20, 50, 110), anchor="mm")
    draw.text((480, 110), "Vielfalt leben im Kreis Heinsberg!", font=small_font, fill=(200, 60, 40), anchor="mm")
    # stage floor and edge
    _vertical_gradient(draw, (0, floor, WIDTH, HEIGHT), (110, 80, 60), (70, 50, 38))
    draw.rectangle([0, floor, WIDTH, floor + 6], fill=(50, 35, 28))
    # a lectern and a plant at the sides
    draw.polygon([(860, 330), (930, 330), (920, 505), (870, 505)], fill=(90, 60, 45))
    draw.rectangle([848, 318, 942, 334], fill=(70, 45, 35))
    draw.rectangle([60, 440, 110, 505], fill=(150, 90, 60))
    for dx, dy, r in ((-30, -40, 34), (20, -60, 38), (0, -95, 30), (-40, -85, 26), (35, -20, 28)):
        draw.ellipse([85 + dx - r, 440 + dy - r, 85 + dx + r, 440 + dy + r], fill=(40, 110, 60))
    for person in PEOPLE:
        _draw_person(draw, person, floor)
    # audience heads in the foreground
    for i, x in enumerate(range(-20, WIDTH + 60, 74)):
        y = 600 - (i % 3) * 9
        draw.ellipse([x - 34, y - 40, x + 34, y + 36], fill=(18, 16, 20))
        draw.rounded_rectangle([x - 58, y + 18, x + 58, HEIGHT + 40], radius=30, fill=(24, 22, 28))
    return image


def conference_photo_png() -> bytes:
    """Return the stage scene as PNG bytes (deterministic)."""
    buffer = io.BytesIO()
    draw_conference_photo().save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
