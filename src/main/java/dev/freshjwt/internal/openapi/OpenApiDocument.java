package dev.freshjwt.internal.openapi;

import java.util.Map;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;

/** Walks an OpenAPI document and documents each operation that freshjwt guards ({@link OperationDocs}). */
public final class OpenApiDocument {

    private static final Logger LOG = Logger.getLogger(OpenApiDocument.class.getName());

    private OpenApiDocument() {
    }

    /** Documents the guarded operations of {@code document} with the resource methods the CDI extension published. */
    public static void document(OpenAPI document) {
        GuardedOperations application = GuardedOperations.published();
        if (application.operations().isEmpty()) {
            LOG.warning("freshjwt's OpenAPI filter knows no resource method: it ran before CDI discovered the"
                    + " application, or no resource class is a CDI bean. The document stays as it is.");
            return;
        }
        document(document, application);
    }

    /** Documents the guarded operations of {@code document} with the resource methods of {@code application}. */
    static void document(OpenAPI document, GuardedOperations application) {
        if (document.getPaths() == null || document.getPaths().getPathItems() == null) {
            return;
        }
        boolean any = false;
        for (Map.Entry<String, PathItem> path : document.getPaths().getPathItems().entrySet()) {
            Map<PathItem.HttpMethod, Operation> operations = path.getValue().getOperations();
            if (operations == null) {
                continue;
            }
            for (Map.Entry<PathItem.HttpMethod, Operation> operation : operations.entrySet()) {
                GuardedOperation guarded = application.find(operation.getKey().name(), path.getKey()).orElse(null);
                if (guarded != null && guarded.guarded()) {
                    OperationDocs.document(operation.getValue(), guarded, application);
                    any = true;
                }
            }
        }
        if (any) {
            OperationDocs.addComponents(document);
        }
    }
}
