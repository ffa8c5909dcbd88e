// Handlers returning non-Response values. Java's types only let a handler return a Response (or null),
// so every case becomes null; the runtime answers 500 naming the file and the method.
import dev.approute.*;

class Route {
    // Next: return { hello: 'world' }
    static Response GET() {
        return null;
    }

    // Next: return 'a plain string'
    static Response POST() {
        return null;
    }

    // Next: return null
    static Response PUT() {
        return null;
    }
}
