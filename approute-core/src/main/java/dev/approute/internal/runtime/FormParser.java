package dev.approute.internal.runtime;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.fileupload2.core.AbstractFileUpload;
import org.apache.commons.fileupload2.core.DiskFileItem;
import org.apache.commons.fileupload2.core.DiskFileItemFactory;
import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.core.RequestContext;

import dev.approute.BadRequestException;
import dev.approute.FormData;
import dev.approute.SearchParams;

/** {@code request.formData()}: urlencoded via {@link SearchParams}, multipart via Apache Commons FileUpload. */
final class FormParser {
    private FormParser() {
    }

    static FormData parse(String contentType, byte[] body) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.startsWith("application/x-www-form-urlencoded")) {
            List<FormData.Entry> entries = new ArrayList<>();
            for (Map.Entry<String, String> pair : SearchParams.parse(new String(body, StandardCharsets.UTF_8)).entries()) {
                entries.add(new FormData.Field(pair.getKey(), pair.getValue()));
            }
            return new FormData(entries);
        }
        if (type.startsWith("multipart/form-data")) {
            return parseMultipart(contentType, body);
        }
        throw new BadRequestException(415, "formData() needs Content-Type multipart/form-data or "
                + "application/x-www-form-urlencoded, got " + (contentType == null ? "none" : "'" + contentType + "'"), null);
    }

    private static FormData parseMultipart(String contentType, byte[] body) {
        String boundary = boundaryOf(contentType);
        if (boundary == null) {
            throw new BadRequestException("The multipart Content-Type has no boundary parameter: " + contentType, null);
        }
        // FileUpload treats a body without any delimiter as an empty form; it is a malformed body (RFC 2046 §5.1.1).
        if (!new String(body, StandardCharsets.ISO_8859_1).contains("--" + boundary)) {
            throw new BadRequestException("The multipart body does not contain its boundary '" + boundary + "'", null);
        }
        List<FormData.Entry> entries = new ArrayList<>();
        try {
            FileItemInputIterator items = new Upload().getItemIterator(new BytesContext(contentType, body));
            while (items.hasNext()) {
                FileItemInput item = items.next();
                byte[] content;
                try (InputStream in = item.getInputStream()) {
                    content = in.readAllBytes();
                }
                if (item.isFormField()) {
                    entries.add(new FormData.Field(item.getFieldName(), new String(content, StandardCharsets.UTF_8)));
                } else {
                    String partType = item.getContentType() == null ? "application/octet-stream" : item.getContentType();
                    entries.add(new FormData.File(item.getFieldName(), item.getName(), partType, content));
                }
            }
        } catch (IOException e) {
            throw new BadRequestException("The multipart body is malformed: " + e.getMessage(), e);
        }
        return new FormData(entries);
    }

    private static String boundaryOf(String contentType) {
        for (String parameter : contentType.split(";")) {
            String trimmed = parameter.strip();
            if (trimmed.regionMatches(true, 0, "boundary=", 0, 9)) {
                String value = trimmed.substring(9);
                return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"") ? value.substring(1, value.length() - 1) : value;
            }
        }
        return null;
    }

    /** FileUpload's streaming API over an in-memory body; its abstract request-type hooks are not used. */
    private static final class Upload extends AbstractFileUpload<RequestContext, DiskFileItem, DiskFileItemFactory> {
        @Override
        public FileItemInputIterator getItemIterator(RequestContext request) throws IOException {
            return super.getItemIterator(request);
        }

        @Override
        public Map<String, List<DiskFileItem>> parseParameterMap(RequestContext request) throws org.apache.commons.fileupload2.core.FileUploadException {
            return super.parseParameterMap(request);
        }

        @Override
        public List<DiskFileItem> parseRequest(RequestContext request) throws org.apache.commons.fileupload2.core.FileUploadException {
            return super.parseRequest(request);
        }
    }

    private record BytesContext(String contentType, byte[] body) implements RequestContext {
        @Override
        public String getCharacterEncoding() {
            return StandardCharsets.UTF_8.name();
        }

        @Override
        public long getContentLength() {
            return body.length;
        }

        @Override
        public String getContentType() {
            return contentType;
        }

        @Override
        public InputStream getInputStream() {
            return new ByteArrayInputStream(body);
        }

        @Override
        public boolean isMultipartRelated() {
            return false;
        }
    }
}
