"""Ray tracer: vector classes with operator methods, sphere and plane intersection, shading and reflections."""

import math

WIDTH = 240
HEIGHT = 180
DEPTH = 3


class Vec:
    __slots__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y, self.z + o.z)

    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y, self.z - o.z)

    def __mul__(self, k):
        return Vec(self.x * k, self.y * k, self.z * k)

    __rmul__ = __mul__

    def __neg__(self):
        return Vec(-self.x, -self.y, -self.z)

    def dot(self, o):
        return self.x * o.x + self.y * o.y + self.z * o.z

    def cross(self, o):
        return Vec(self.y * o.z - self.z * o.y, self.z * o.x - self.x * o.z, self.x * o.y - self.y * o.x)

    def length(self):
        return math.sqrt(self.dot(self))

    def norm(self):
        n = self.length()
        return Vec(self.x / n, self.y / n, self.z / n)

    def reflect(self, normal):
        return self - normal * (2 * self.dot(normal))


class Color:
    __slots__ = ("r", "g", "b")

    def __init__(self, r, g, b):
        self.r = r
        self.g = g
        self.b = b

    def __add__(self, o):
        return Color(self.r + o.r, self.g + o.g, self.b + o.b)

    def scale(self, k):
        return Color(self.r * k, self.g * k, self.b * k)

    def mix(self, o):
        return Color(self.r * o.r, self.g * o.g, self.b * o.b)

    def clamped(self):
        return tuple(max(0, min(255, int(c * 255))) for c in (self.r, self.g, self.b))


BLACK = Color(0.0, 0.0, 0.0)
EPS = 1e-7


class Ray:
    def __init__(self, origin, direction):
        self.origin = origin
        self.direction = direction.norm()

    def at(self, t):
        return self.origin + self.direction * t


class Material:
    def __init__(self, color, diffuse, specular, reflect):
        self.color = color
        self.diffuse = diffuse
        self.specular = specular
        self.reflect = reflect

    def color_at(self, point):
        return self.color


class Checker(Material):
    def color_at(self, point):
        if (math.floor(point.x) + math.floor(point.z)) % 2 == 0:
            return self.color
        return Color(0.1, 0.1, 0.1)


class Sphere:
    def __init__(self, center, radius, material):
        self.center = center
        self.radius = radius
        self.material = material

    def intersect(self, ray):
        oc = ray.origin - self.center
        b = oc.dot(ray.direction)
        c = oc.dot(oc) - self.radius * self.radius
        disc = b * b - c
        if disc < 0:
            return None
        root = math.sqrt(disc)
        t = -b - root
        if t > EPS:
            return t
        t = -b + root
        if t > EPS:
            return t
        return None

    def normal_at(self, p):
        return (p - self.center).norm()


class Plane:
    def __init__(self, point, normal, material):
        self.point = point
        self.normal = normal.norm()
        self.material = material

    def intersect(self, ray):
        d = ray.direction.dot(self.normal)
        if abs(d) < EPS:
            return None
        t = (self.point - ray.origin).dot(self.normal) / d
        return t if t > EPS else None

    def normal_at(self, p):
        return self.normal


class Scene:
    def __init__(self):
        self.objects = []
        self.lights = []
        self.ambient = 0.1

    def nearest(self, ray):
        best_t = None
        best = None
        for obj in self.objects:
            t = obj.intersect(ray)
            if t is not None and (best_t is None or t < best_t):
                best_t = t
                best = obj
        return best, best_t

    def shadowed(self, point, light):
        to_light = light - point
        dist = to_light.length()
        ray = Ray(point, to_light)
        for obj in self.objects:
            t = obj.intersect(ray)
            if t is not None and t < dist:
                return True
        return False

    def trace(self, ray, depth):
        obj, t = self.nearest(ray)
        if obj is None:
            return Color(0.2, 0.3, 0.5).scale(0.5 + 0.5 * ray.direction.y)
        point = ray.at(t)
        normal = obj.normal_at(point)
        mat = obj.material
        base = mat.color_at(point)
        color = base.scale(self.ambient)
        for light in self.lights:
            if self.shadowed(point, light):
                continue
            to_light = (light - point).norm()
            lambert = normal.dot(to_light)
            if lambert > 0:
                color = color + base.scale(lambert * mat.diffuse)
            half = (to_light - ray.direction).norm()
            spec = normal.dot(half)
            if spec > 0:
                color = color + Color(1.0, 1.0, 1.0).scale(mat.specular * spec ** 32)
        if depth > 0 and mat.reflect > 0:
            bounce = Ray(point, ray.direction.reflect(normal))
            color = color + self.trace(bounce, depth - 1).scale(mat.reflect)
        return color


def build_scene():
    s = Scene()
    s.objects.append(Plane(Vec(0, 0, 0), Vec(0, 1, 0), Checker(Color(0.9, 0.9, 0.9), 0.8, 0.1, 0.3)))
    s.objects.append(Sphere(Vec(0, 1, 3), 1.0, Material(Color(0.9, 0.2, 0.2), 0.7, 0.5, 0.4)))
    s.objects.append(Sphere(Vec(-2.2, 0.7, 4), 0.7, Material(Color(0.2, 0.9, 0.3), 0.8, 0.3, 0.2)))
    s.objects.append(Sphere(Vec(2.0, 0.5, 2.5), 0.5, Material(Color(0.3, 0.3, 0.9), 0.6, 0.8, 0.6)))
    s.objects.append(Sphere(Vec(0.8, 2.4, 5.5), 0.9, Material(Color(0.9, 0.9, 0.2), 0.5, 0.2, 0.1)))
    s.lights.append(Vec(-4, 6, -2))
    s.lights.append(Vec(5, 8, 0))
    return s


def render(scene, width, height):
    eye = Vec(0, 1.5, -4)
    target = Vec(0, 1, 3)
    forward = (target - eye).norm()
    right = forward.cross(Vec(0, 1, 0)).norm()
    up = right.cross(forward)
    pixels = []
    for j in range(height):
        y = 1 - 2 * (j + 0.5) / height
        for i in range(width):
            x = (2 * (i + 0.5) / width - 1) * width / height
            direction = forward + right * (x * 0.6) - up * (y * 0.6)
            pixels.append(scene.trace(Ray(eye, direction), DEPTH).clamped())
    return pixels


def main():
    pixels = render(build_scene(), WIDTH, HEIGHT)
    checksum = 0
    for r, g, b in pixels:
        checksum = (checksum * 33 + r * 65536 + g * 256 + b) % 2147483647
    print("pixels:", len(pixels), "checksum:", checksum)
    print("mean:", tuple(sum(p[k] for p in pixels) // len(pixels) for k in range(3)))


main()
