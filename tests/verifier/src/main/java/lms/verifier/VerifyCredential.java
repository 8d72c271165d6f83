package lms.verifier;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.document.Document;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.http.media.MediaType;
import com.apicatalog.jsonld.loader.DocumentLoader;
import com.apicatalog.jsonld.loader.DocumentLoaderOptions;
import com.apicatalog.ld.DocumentError;
import com.apicatalog.ld.signature.VerificationError;
import com.apicatalog.ld.signature.VerificationMethod;
import com.apicatalog.ld.signature.eddsa.EdDSASignature2022;
import com.apicatalog.vc.method.resolver.MethodResolver;
import com.apicatalog.vc.proof.Proof;
import com.apicatalog.vc.verifier.Verifier;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Verifies a signed credential with Iron, a JSON-LD and Data Integrity
 * implementation independent of the site's own, entirely offline.
 *
 * <p>Usage: {@code java -jar credential-verifier.jar --context URL=FILE ...
 * [--status-list URL=FILE ...] --did DID_DOCUMENT.json CREDENTIAL.json}.
 * Every JSON-LD context comes from a named file, the issuer's did:web
 * document from the given file and each signed status list credential from
 * the file given for its URL; any other URL is refused. Prints VALID and
 * exits 0; prints REVOKED (or SUSPENDED) with the entry and exits 3 when a
 * given list has the credential's bit set; or prints INVALID with the
 * reason and exits 1 (2 for bad arguments). A status entry whose list is
 * not given is checked for its id and type only.
 */
public final class VerifyCredential {

    private static final String SECURITY = "https://w3id.org/security#";

    private VerifyCredential() {}

    public static void main(String[] args) {
        try {
            Options options = Options.parse(args);
            LocalLoader loader = new LocalLoader(options.contexts, options.didDocument);
            JsonObject credential = readJson(options.credential);
            StatusLists lists = new StatusLists(
                    options.statusLists, loader, list -> verifyProof(list, loader));
            String status = lists.firstSet(verifyProof(credential, loader));
            for (JsonObject embedded : embeddedCredentials(credential)) {
                String embeddedStatus = lists.firstSet(verifyProof(embedded, loader));
                if (status == null && embeddedStatus != null) {
                    status = embeddedStatus + " (embedded credential "
                            + embedded.getString("id", "without an id") + ")";
                }
            }
            if (status != null) {
                System.out.println(status);
                System.exit(3);
            }
            System.out.println("VALID");
        } catch (IllegalArgumentException | IOException e) {
            System.out.println("USAGE ERROR: " + e.getMessage());
            System.exit(2);
        } catch (Throwable e) {
            System.out.println("INVALID: " + describe(e));
            System.exit(1);
        }
    }

    /** Verifies the proof with Iron; returns the expanded credentialStatus entries. */
    static List<JsonObject> verifyProof(JsonObject credential, LocalLoader loader)
            throws DocumentError, VerificationError {
        List<JsonObject> entries = new ArrayList<>();
        Verifier.with(new EdDSASignature2022())
                .loader(loader)
                .useBundledContexts(false)
                .methodResolvers(List.of(new DidWebResolver(loader.did)))
                .statusValidator(status -> entries.addAll(checkStatusEntries(status)))
                .verify(credential);
        return entries;
    }

    /**
     * The signed credentials a ClrCredential carries in its subject's
     * verifiableCredential: each has its own proof and status entry, which
     * Iron does not look into when it verifies the transcript's proof.
     */
    static List<JsonObject> embeddedCredentials(JsonObject credential) {
        List<JsonObject> embedded = new ArrayList<>();
        JsonValue subject = credential.get("credentialSubject");
        if (subject == null || subject.getValueType() != JsonValue.ValueType.OBJECT) {
            return embedded;
        }
        JsonValue parts = subject.asJsonObject().get("verifiableCredential");
        if (parts == null) {
            return embedded;
        }
        JsonArray list = parts.getValueType() == JsonValue.ValueType.ARRAY
                ? parts.asJsonArray()
                : Json.createArrayBuilder().add(parts).build();
        for (JsonValue part : list) {
            if (part.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new IllegalStateException("an embedded credential is not a JSON object");
            }
            embedded.add(part.asJsonObject());
        }
        return embedded;
    }

    /**
     * Each credentialStatus entry has an id and a type. Iron 0.14's own
     * validator throws even for a well-formed entry, so it is replaced; the
     * entries are returned so their bits can be read from a given list.
     */
    static List<JsonObject> checkStatusEntries(JsonValue status) throws DocumentError {
        List<JsonObject> checked = new ArrayList<>();
        if (status == null || status.getValueType() == JsonValue.ValueType.NULL) {
            return checked;
        }
        JsonArray entries = status.getValueType() == JsonValue.ValueType.ARRAY
                ? status.asJsonArray()
                : Json.createArrayBuilder().add(status).build();
        for (JsonValue entry : entries) {
            if (entry.getValueType() != JsonValue.ValueType.OBJECT
                    || !entry.asJsonObject().containsKey("@id")
                    || !entry.asJsonObject().containsKey("@type")) {
                throw new DocumentError(DocumentError.ErrorType.Invalid, "CredentialStatus");
            }
            checked.add(entry.asJsonObject());
        }
        return checked;
    }

    private static String describe(Throwable error) {
        StringBuilder text = new StringBuilder();
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (text.length() > 0) {
                text.append(" <- ");
            }
            text.append(cause.getClass().getSimpleName()).append(": ").append(cause.getMessage());
            if (cause instanceof DocumentError) {
                text.append(" [").append(((DocumentError) cause).getCode()).append("]");
            }
        }
        return text.toString();
    }

    static JsonObject readJson(Path path) throws IOException {
        try (InputStream stream = Files.newInputStream(path);
                JsonReader reader = Json.createReader(stream)) {
            return reader.readObject();
        }
    }

    /** Command-line arguments: contexts by URL, the DID document, the credential. */
    static final class Options {
        final Map<String, Path> contexts = new HashMap<>();
        final Map<String, Path> statusLists = new HashMap<>();
        Path didDocument;
        Path credential;

        static Options parse(String[] args) {
            Options options = new Options();
            for (int i = 0; i < args.length; i++) {
                if ("--context".equals(args[i]) && i + 1 < args.length) {
                    String[] pair = args[++i].split("=", 2);
                    if (pair.length != 2) {
                        throw new IllegalArgumentException("--context needs URL=FILE: " + args[i]);
                    }
                    options.contexts.put(pair[0], Path.of(pair[1]));
                } else if ("--status-list".equals(args[i]) && i + 1 < args.length) {
                    String[] pair = args[++i].split("=", 2);
                    if (pair.length != 2) {
                        throw new IllegalArgumentException("--status-list needs URL=FILE: " + args[i]);
                    }
                    options.statusLists.put(pair[0], Path.of(pair[1]));
                } else if ("--did".equals(args[i]) && i + 1 < args.length) {
                    options.didDocument = Path.of(args[++i]);
                } else if (options.credential == null && !args[i].startsWith("--")) {
                    options.credential = Path.of(args[i]);
                } else {
                    throw new IllegalArgumentException("unexpected argument " + args[i]);
                }
            }
            if (options.didDocument == null || options.credential == null) {
                throw new IllegalArgumentException(
                        "--context URL=FILE ... [--status-list URL=FILE ...] --did DID_DOCUMENT.json CREDENTIAL.json");
            }
            return options;
        }
    }

    /** Serves the given files by URL, the DID document by its DID; nothing else. */
    static final class LocalLoader implements DocumentLoader {
        final Map<String, Path> files;
        final String did;

        LocalLoader(Map<String, Path> contexts, Path didDocument) throws IOException {
            files = new HashMap<>(contexts);
            did = readJson(didDocument).getString("id");
            files.put(did, didDocument);
        }

        @Override
        public Document loadDocument(URI url, DocumentLoaderOptions options) throws JsonLdError {
            String address = url.toString();
            int hash = address.indexOf('#');
            Path file = files.get(hash < 0 ? address : address.substring(0, hash));
            if (file == null) {
                throw new JsonLdError(
                        JsonLdErrorCode.LOADING_DOCUMENT_FAILED, "not served locally, never fetched: " + url);
            }
            try (InputStream stream = Files.newInputStream(file)) {
                Document document = JsonDocument.of(MediaType.JSON_LD, stream);
                document.setDocumentUrl(url);
                return document;
            } catch (IOException e) {
                throw new JsonLdError(JsonLdErrorCode.LOADING_DOCUMENT_FAILED, e);
            }
        }
    }

    /**
     * Finds a did:web verification method in the locally served DID document,
     * and only if the document lists it as an assertion method.
     */
    static final class DidWebResolver implements MethodResolver {
        final String did;

        DidWebResolver(String did) {
            this.did = did;
        }

        @Override
        public boolean isAccepted(URI id) {
            return id.toString().startsWith(did + "#");
        }

        @Override
        public VerificationMethod resolve(URI id, DocumentLoader loader, Proof proof) throws DocumentError {
            try {
                JsonArray expanded = JsonLd.expand(URI.create(did)).loader(loader).get();
                for (JsonValue node : expanded) {
                    JsonObject document = node.asJsonObject();
                    if (!lists(document.get(SECURITY + "assertionMethod"), id.toString())) {
                        throw new DocumentError(DocumentError.ErrorType.Invalid, "ProofVerificationMethod");
                    }
                    JsonValue methods = document.get(SECURITY + "verificationMethod");
                    for (JsonValue method : methods.asJsonArray()) {
                        if (id.toString().equals(method.asJsonObject().getString("@id", null))) {
                            return proof.methodProcessor().read(method.asJsonObject());
                        }
                    }
                }
            } catch (JsonLdError e) {
                throw new DocumentError(e, DocumentError.ErrorType.Invalid, "ProofVerificationMethod");
            }
            throw new DocumentError(DocumentError.ErrorType.Unknown, "ProofVerificationMethod");
        }

        private static boolean lists(JsonValue values, String id) {
            if (values == null) {
                return false;
            }
            for (JsonValue value : values.asJsonArray()) {
                if (id.equals(value.asJsonObject().getString("@id", null))) {
                    return true;
                }
            }
            return false;
        }
    }
}
