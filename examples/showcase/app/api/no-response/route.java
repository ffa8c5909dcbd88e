// A handler that returns nothing: the runtime answers 500 naming the file and the method.
import dev.approute.*;

class Route {
    // Next: export async function GET() {}
    static Response GET() {
        return null;
    }

    // Next: export async function POST() { return }
    static Response POST() {
        return null;
    }
}
