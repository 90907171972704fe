import statistics
import sys

readings = {
    "sensor-a": [20.1, 20.4, 19.8, 20.0, 20.2],
    "sensor-b": [18.0, 25.5, 19.2, 30.1, 17.7],
    "sensor-c": [21.0, 21.1, 20.9, 21.0, 21.0],
}
limit = 2.0
failed = []
for name, vals in readings.items():
    sd = statistics.stdev(vals)
    flag = "OK" if sd <= limit else "UNSTABLE"
    print(f"{name}: mean={statistics.mean(vals):.3f} stdev={sd:.3f} {flag}")
    if flag != "OK":
        failed.append(name)
if failed:
    print("unstable sensors:", ", ".join(failed), file=sys.stderr)
    sys.exit(len(failed) + 10)
print("all good")
