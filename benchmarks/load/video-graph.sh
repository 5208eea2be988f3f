#!/usr/bin/env bash
# What a clip video's filter graph and x264 options cost, ffmpeg alone (no stack): a 60 s square video (720 × 720,
# 24 frames a second) of synthetic audio with a beep every second, drawn as VideoCut draws it, three ways, ROUNDS
# times each, alternated:
#   per-frame  every text of the script drawn on every frame, x264 veryfast + stillimage (the graph before the layers);
#   layers     the still layer (titles, card) drawn once on one frame that is repeated, the moving layer (chapter,
#              progress bar, captions) on every frame; the same x264 options;
#   layers+x264  the same graph with VideoCut.X264_PARAMS (diamond search, one subpixel pass): what clip-service runs.
# For each: CPU seconds (user + system), wall seconds, bytes; whether per-frame and layers came out byte for byte the
# same; and each one's SSIM against a lossless render of the same frames. The scripts are of the shape CaptionScript
# writes (two title lines, the card, a progress bar, two chapters, a two-line caption every 3 s).
# Figures go to standard output; BENCHMARKS.md §6 records a run.
set -euo pipefail
ROUNDS="${ROUNDS:-3}"
X264_PARAMS="${X264_PARAMS:-me=dia:subme=1}"
command -v ffmpeg >/dev/null || { echo "video-graph: ffmpeg is needed (apt-get install ffmpeg)" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"

ffmpeg -hide_banner -loglevel error -y -f lavfi \
  -i "sine=f=880:d=70:sample_rate=8000,volume='if(lt(mod(t,1),0.1),1,0.2)':eval=frame" -ac 1 source.wav

python3 - <<'EOF'
header = """[Script Info]
ScriptType: v4.00+
PlayResX: 720
PlayResY: 720
WrapStyle: 2
ScaledBorderAndShadow: yes

[V4+ Styles]
Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, BackColour, Bold, Italic, Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, BorderStyle, Outline, Shadow, Alignment, MarginL, MarginR, MarginV, Encoding
Style: Show,DejaVu Sans,24,&H00B8A394,&H00B8A394,&H00000000,&H80000000,0,0,0,0,100,100,0,0,1,0,0,7,0,0,0,1
Style: Episode,DejaVu Sans,32,&H00FFFFFF,&H00FFFFFF,&H00000000,&H80000000,-1,0,0,0,100,100,0,0,1,0,0,7,0,0,0,1
Style: Chapter,DejaVu Sans,26,&H00B8A394,&H00B8A394,&H00000000,&H80000000,0,0,0,0,100,100,0,0,1,0,0,7,0,0,0,1
Style: Caption,DejaVu Sans,36,&H00FFFFFF,&H00FFFFFF,&H00000000,&H80000000,-1,0,0,0,100,100,0,0,1,2,0,2,40,40,44,1
Style: Shape,DejaVu Sans,10,&H00FFFFFF,&H00FFFFFF,&H00000000,&H80000000,0,0,0,0,100,100,0,0,1,0,0,7,0,0,0,1

[Events]
Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text
"""
def at(ms):
    return "%d:%02d:%02d.%02d" % (ms // 3600000, ms // 60000 % 60, ms // 1000 % 60, ms % 1000 // 10)
def line(start, end, style, text):
    return "Dialogue: 0,%s,%s,%s,,0,0,0,,%s\n" % (at(start), at(end), style, text)
clip = 60000
still = [line(0, clip, "Show", r"{\an7\pos(264,52)}Database School"),
         line(0, clip, "Episode", r"{\an7\pos(264,88)}How Preston learned to stop\Nworrying and love Postgres"),
         line(0, clip, "Shape", r"{\an7\pos(40,40)\bord0\shad0\1c&H00F8BD38&\p1}m 0 0 l 200 0 200 200 0 200{\p0}"),
         line(0, clip, "Shape", r"{\an5\pos(140,140)\b1\bord0\shad0\fs80\1c&H00271811&}DS")]
moving = [line(0, clip, "Shape", r"{\an7\pos(0,0)\bord0\shad0\1c&H00F8BD38&\clip(0,712,0,720)"
               r"\t(0,60000,\clip(0,712,720,720))\p1}m 0 712 l 720 712 720 720 0 720{\p0}"),
          line(0, 30000, "Chapter", r"{\an7\pos(40,272)}Preston's story"),
          line(30000, clip, "Chapter", r"{\an7\pos(40,272)}How Preston learned databases")]
moving += [line(ms, ms + 3000, "Caption", r"And this is caption number %d that\Nwraps onto a second line" % (ms // 3000))
           for ms in range(0, clip, 3000)]
open("all.ass", "w").write(header + "".join(still + moving))
open("still.ass", "w").write(header + "".join(still))
open("moving.ass", "w").write(header + "".join(moving))
EOF

wave="[0:a]aresample=44100,asplit=2[a][w];[w]showwaves=s=720x150:mode=cline:scale=sqrt:rate=24:colors=0x38BDF8[wave];"
per_frame="${wave}[1:v][wave]overlay=0:322:shortest=1[base];[base]ass=all.ass[v]"
layers="${wave}[1:v]trim=end_frame=1[card];[card]ass=still.ass,loop=loop=-1:size=1:start=0,setpts=N/24/TB[still];"
layers="${layers}[still][wave]overlay=0:322:shortest=1[base];[base]ass=moving.ass[v]"

# render NAME GRAPH X264-OPTIONS...: one 60 s square video; prints "cpu wall" in seconds.
render() {
  local name="$1" graph="$2"
  shift 2
  /usr/bin/time -f "%U %S %e" -o "$name.time" ffmpeg -hide_banner -nostdin -loglevel error -y \
    -ss 5 -i source.wav -f lavfi -i "color=c=0x111827:s=720x720:r=24" -filter_complex "$graph" \
    -map '[v]' -map '[a]' -t 60 -c:v libx264 "$@" -pix_fmt yuv420p -r 24 -c:a aac -b:a 128k -ar 44100 \
    -movflags +faststart -f mp4 "$name.mp4"
  awk '{ printf "%.2f %.2f\n", $1 + $2, $3 }' "$name.time"
}
ssim() {
  ffmpeg -hide_banner -nostdin -i "$1" -i reference.mp4 -lavfi "[0:v][1:v]ssim" -f null - 2>&1 \
    | sed -n 's/.* All:\([0-9.]*\).*/\1/p'
}

base=(-preset veryfast -tune stillimage -crf 28)
render reference "$layers" -preset ultrafast -qp 0 >/dev/null
printf '%-12s %-5s %8s %8s %10s %8s\n' variant round cpu_s wall_s bytes ssim
for round in $(seq 1 "$ROUNDS"); do
  for variant in per-frame layers layers+x264; do
    case "$variant" in
      per-frame) read -r cpu wall < <(render per-frame "$per_frame" "${base[@]}") ;;
      layers) read -r cpu wall < <(render layers "$layers" "${base[@]}") ;;
      layers+x264) read -r cpu wall < <(render layers-x264 "$layers" "${base[@]}" -x264-params "$X264_PARAMS") ;;
    esac
    file="${variant/+/-}.mp4"
    printf '%-12s %-5s %8s %8s %10s %8s\n' "$variant" "$round" "$cpu" "$wall" "$(stat -c %s "$file")" "$(ssim "$file")"
  done
  if cmp -s per-frame.mp4 layers.mp4; then echo "round $round: per-frame and layers are the same bytes"
  else echo "round $round: per-frame and layers DIFFER"; fi
done
