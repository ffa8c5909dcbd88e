package dev.approute;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Objects;

/**
 * A generic type for JSON decoding, where a {@code Class} cannot say it ({@code List<Post>}): create it as an
 * anonymous subclass, once, in a constant.
 *
 * <pre>{@code
 * static final TypeRef<List<Post>> POSTS = new TypeRef<>() {};
 *
 * List<Post> posts = Fetch.get("https://api.example.com/posts").json(POSTS);
 * List<Post> cached = Cache.cached(List.of("posts"), POSTS, () -> db.posts());
 * }</pre>
 *
 * @param <T> the type it stands for
 */
public abstract class TypeRef<T> {
    private final Type type;

    protected TypeRef() {
        if (!(getClass().getGenericSuperclass() instanceof ParameterizedType parameterized)) {
            throw new IllegalStateException("A TypeRef needs its type argument: write new TypeRef<List<Post>>() {}");
        }
        this.type = parameterized.getActualTypeArguments()[0];
    }

    private TypeRef(Type type) {
        this.type = Objects.requireNonNull(type, "type");
    }

    /** The plain-class case: {@code TypeRef.of(Post.class)}. */
    public static <T> TypeRef<T> of(Class<T> type) {
        return new TypeRef<>(type) {
        };
    }

    public Type type() {
        return type;
    }

    @Override
    public String toString() {
        return type.getTypeName();
    }
}
