package lms.verifier;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.loader.DocumentLoader;
import com.apicatalog.ld.DocumentError;
import com.apicatalog.ld.signature.VerificationError;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Reads a credential's BitstringStatusListEntry bits from locally given,
 * signed BitstringStatusListCredential files, as the W3C Bitstring Status
 * List specification describes: the list's own proof must verify, its id
 * must be the entry's statusListCredential and its statusPurpose the
 * entry's; encodedList is multibase base64url ('u') of GZIP data whose
 * index 0 is the most significant bit of the first byte.
 */
final class StatusLists {

    static final String STATUS = "https://www.w3.org/ns/credentials/status#";
    static final String CREDENTIALS = "https://www.w3.org/2018/credentials#";
    /** The specification's minimum list length (16 KiB uncompressed). */
    static final int MIN_BITS = 131_072;

    /** A status list or entry that cannot be read or does not match. */
    static final class StatusListError extends Exception {
        StatusListError(String message) {
            super(message);
        }
    }

    /** Verifies a list credential's proof; the list names no status of its own. */
    interface ProofCheck {
        void verify(JsonObject credential) throws DocumentError, VerificationError;
    }

    private final Map<String, Path> files;
    private final DocumentLoader loader;
    private final ProofCheck proofCheck;
    private final Map<String, JsonObject> subjects = new HashMap<>();

    StatusLists(Map<String, Path> files, DocumentLoader loader, ProofCheck proofCheck) {
        this.files = files;
        this.loader = loader;
        this.proofCheck = proofCheck;
    }

    /**
     * The verdict word of the first entry whose bit is set (REVOKED for a
     * revocation list), or null when none is. An entry whose list was not
     * given is left unchecked.
     */
    String firstSet(List<JsonObject> entries)
            throws StatusListError, DocumentError, VerificationError, IOException {
        for (JsonObject entry : entries) {
            String url = id(entry, STATUS + "statusListCredential");
            if (url == null) {
                throw new StatusListError("a status entry names no statusListCredential");
            }
            if (!files.containsKey(url)) {
                continue;
            }
            String purpose = value(entry, STATUS + "statusPurpose");
            long index = index(value(entry, STATUS + "statusListIndex"));
            JsonObject subject = subject(url);
            String listPurpose = value(subject, STATUS + "statusPurpose");
            if (purpose == null || !purpose.equals(listPurpose)) {
                throw new StatusListError("the entry's statusPurpose " + purpose
                        + " is not the list's " + listPurpose);
            }
            byte[] bits = decode(value(subject, STATUS + "encodedList"));
            if (bits.length * 8L < MIN_BITS) {
                throw new StatusListError("the list holds " + bits.length * 8L
                        + " bits, fewer than the minimum " + MIN_BITS);
            }
            if (index >= bits.length * 8L) {
                throw new StatusListError("statusListIndex " + index + " is beyond the list");
            }
            if (isSet(bits, index)) {
                return verdict(purpose) + ": bit " + index + " of " + url + " is set";
            }
        }
        return null;
    }

    static String verdict(String purpose) {
        switch (purpose) {
            case "revocation":
                return "REVOKED";
            case "suspension":
                return "SUSPENDED";
            default:
                return "STATUS SET (" + purpose + ")";
        }
    }

    /** The list's credentialSubject, expanded, once its proof and id are checked. */
    private JsonObject subject(String url)
            throws StatusListError, DocumentError, VerificationError, IOException {
        JsonObject cached = subjects.get(url);
        if (cached != null) {
            return cached;
        }
        JsonObject list = VerifyCredential.readJson(files.get(url));
        proofCheck.verify(list);
        JsonObject node = expand(list);
        if (!url.equals(node.getString("@id", null))) {
            throw new StatusListError("the list's id " + node.getString("@id", null)
                    + " is not the entry's statusListCredential " + url);
        }
        if (!hasType(node, STATUS + "BitstringStatusListCredential")) {
            throw new StatusListError(url + " is not a BitstringStatusListCredential");
        }
        JsonValue found = node.get(CREDENTIALS + "credentialSubject");
        if (found == null || found.asJsonArray().size() != 1
                || !hasType(found.asJsonArray().getJsonObject(0), STATUS + "BitstringStatusList")) {
            throw new StatusListError(url + " has no single BitstringStatusList subject");
        }
        JsonObject subject = found.asJsonArray().getJsonObject(0);
        subjects.put(url, subject);
        return subject;
    }

    private JsonObject expand(JsonObject list) throws StatusListError {
        try {
            JsonArray expanded = JsonLd.expand(JsonDocument.of(list)).loader(loader).get();
            if (expanded.size() != 1) {
                throw new StatusListError("the status list is not one credential");
            }
            return expanded.getJsonObject(0);
        } catch (JsonLdError e) {
            throw new StatusListError("the status list cannot be expanded: " + e.getMessage());
        }
    }

    static byte[] decode(String encoded) throws StatusListError {
        if (encoded == null || !encoded.startsWith("u")) {
            throw new StatusListError("encodedList is not multibase base64url ('u')");
        }
        try (GZIPInputStream bits = new GZIPInputStream(
                new ByteArrayInputStream(Base64.getUrlDecoder().decode(encoded.substring(1))))) {
            return bits.readAllBytes();
        } catch (IllegalArgumentException | IOException e) {
            throw new StatusListError("encodedList cannot be decoded: " + e.getMessage());
        }
    }

    static boolean isSet(byte[] bits, long index) {
        return (bits[(int) (index / 8)] & (0x80 >> (int) (index % 8))) != 0;
    }

    private static long index(String text) throws StatusListError {
        if (text == null || !text.matches("[0-9]{1,18}")) {
            throw new StatusListError("statusListIndex " + text + " is not a non-negative integer");
        }
        return Long.parseLong(text);
    }

    private static boolean hasType(JsonObject node, String type) {
        JsonValue types = node.get("@type");
        if (types == null || types.getValueType() != JsonValue.ValueType.ARRAY) {
            return false;
        }
        return types.asJsonArray().stream()
                .anyMatch(t -> t.getValueType() == JsonValue.ValueType.STRING
                        && type.equals(((JsonString) t).getString()));
    }

    /** The first value of an expanded property: its @value or, for a node, its @id. */
    private static String first(JsonObject node, String property, String key) {
        JsonValue values = node.get(property);
        if (values == null || values.getValueType() != JsonValue.ValueType.ARRAY
                || values.asJsonArray().size() != 1
                || values.asJsonArray().get(0).getValueType() != JsonValue.ValueType.OBJECT) {
            return null;
        }
        JsonValue value = values.asJsonArray().getJsonObject(0).get(key);
        return value != null && value.getValueType() == JsonValue.ValueType.STRING
                ? ((JsonString) value).getString()
                : null;
    }

    private static String value(JsonObject node, String property) {
        return first(node, property, "@value");
    }

    private static String id(JsonObject node, String property) {
        return first(node, property, "@id");
    }
}
